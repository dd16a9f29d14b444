import Foundation
import RoundtableCore

/// Streams a roster in the native format to a file that appears only once it is complete. The
/// layout is byte for byte the one `XMLStreamWriter` gives the other documents: two-space
/// indentation, `<a></a>` for empty text, `<a/>` for an element with no content at all.
public final class RosterWriter {
    private let writer: XMLByteWriter
    /// How many participants were written.
    public private(set) var count = 0

    /// Starts `destination`; `partner` is recorded on the root.
    public init(destination: String, partner: String?) throws {
        writer = XMLByteWriter(file: try OutputFile(destination: destination))
        try writer.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<roster xmlns=\"")
        try writer.attributeValue(NativeFormat.namespace)
        try writer.raw("\" version=\"")
        try writer.attributeValue(String(NativeFormat.version))
        if let partner {
            try writer.raw("\" partner=\"")
            try writer.attributeValue(partner)
        }
        try writer.raw("\"")
    }

    /// Writes one participant.
    public func write(_ entry: RosterEntry) throws {
        try writer.raw(count == 0 ? ">\n  <participant id=\"" : "  <participant id=\"")
        try writer.attributeValue(entry.externalId)
        try writer.raw(entry.doNotContact ? "\" doNotContact=\"true\">\n" : "\">\n")
        try element("name", entry.name)
        try element("email", entry.email)
        try element("phone", entry.phone)
        try element("locale", entry.locale)
        try element("timeZone", entry.timeZone)
        for attribute in entry.attributes {
            try writer.raw("    <attribute name=\"")
            try writer.attributeValue(attribute.name)
            try writer.raw("\">")
            try writer.text(attribute.value)
            try writer.raw("</attribute>\n")
        }
        for consent in entry.consents {
            try writer.raw("    <consent scope=\"")
            try writer.attributeValue(consent.scope.rawValue)
            try writer.raw("\" version=\"")
            try writer.attributeValue(consent.version)
            try writer.raw(consent.given ? "\" given=\"true\" at=\"" : "\" given=\"false\" at=\"")
            try writer.attributeValue(NativeFormat.timestamp(consent.at))
            try writer.raw("\"/>\n")
        }
        try writer.raw("  </participant>\n")
        count += 1
    }

    /// Closes the document and moves the file into place.
    public func finish() throws {
        try writer.raw(count == 0 ? "/>\n" : "</roster>\n")
        try writer.finish()
    }

    private func element(_ name: StaticString, _ text: String?) throws {
        guard let text else { return }
        try writer.raw("    <")
        try writer.raw(name)
        try writer.raw(">")
        try writer.text(text)
        try writer.raw("</")
        try writer.raw(name)
        try writer.raw(">\n")
    }
}

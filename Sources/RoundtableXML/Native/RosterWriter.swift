import Foundation
import RoundtableCore

/// Streams a roster in the native format to a file that appears only once it is complete.
public final class RosterWriter {
    private let writer: XMLStreamWriter
    /// How many participants were written.
    public private(set) var count = 0

    /// Starts `destination`; `partner` is recorded on the root.
    public init(destination: String, partner: String?) throws {
        writer = try XMLStreamWriter(file: AtomicFile(destination: destination))
        try writer.startDocument()
        try writer.start("roster", namespace: NativeFormat.namespace)
        try writer.attribute("version", String(NativeFormat.version))
        try writer.attribute("partner", partner)
    }

    /// Writes one participant.
    public func write(_ entry: RosterEntry) throws {
        try writer.start("participant")
        try writer.attribute("id", entry.externalId)
        if entry.doNotContact { try writer.attribute("doNotContact", "true") }
        try ParticipantFields.write(name: entry.name, email: entry.email, phone: entry.phone, locale: entry.locale,
                                    timeZone: entry.timeZone, attributes: entry.attributes, consents: entry.consents,
                                    to: writer)
        try writer.end()
        count += 1
    }

    /// Closes the document and moves the file into place.
    public func finish() throws {
        try writer.end()
        try writer.finish()
    }
}

/// The child elements roster and workspace participants share, in schema order.
enum ParticipantFields {
    static func write(name: String, email: String?, phone: String?, locale: String?, timeZone: String?,
                      attributes: [NamedValue], consents: [ConsentRecord], to writer: XMLStreamWriter) throws {
        try writer.element("name", name)
        try writer.element("email", email)
        try writer.element("phone", phone)
        try writer.element("locale", locale)
        try writer.element("timeZone", timeZone)
        for attribute in attributes {
            try writer.start("attribute")
            try writer.attribute("name", attribute.name)
            try writer.text(attribute.value)
            try writer.end()
        }
        for consent in consents {
            try writer.start("consent")
            try writer.attribute("scope", consent.scope.rawValue)
            try writer.attribute("version", consent.version)
            try writer.attribute("given", consent.given ? "true" : "false")
            try writer.attribute("at", NativeFormat.timestamp(consent.at))
            try writer.end()
        }
    }
}

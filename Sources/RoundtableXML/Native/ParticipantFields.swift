import Foundation
import RoundtableCore

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

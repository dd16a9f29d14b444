import Foundation

/// Light checks on contact details: enough to catch typos, not to reject real addresses.
public enum ContactRules {
    /// A trimmed e-mail address with one `@`, a dot in the domain, no spaces, at most 320 characters.
    public static func email(_ text: String) throws -> String {
        let trimmed = UnicodeText.trimmed(text)
        // One pass over the bytes: imports check a million addresses.
        var position = 0, at = -1, atSigns = 0, scalars = 0
        var dotInDomain = false, ascii = true, hasSpace = false, last: UInt8 = 0
        for byte in trimmed.utf8 {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte >= 0x80 { ascii = false }
            if byte == 0x20 || (0x09...0x0D).contains(byte) { hasSpace = true }
            if byte == UInt8(ascii: "@") {
                atSigns += 1
                if at < 0 { at = position }
            } else if byte == UInt8(ascii: "."), at >= 0 {
                dotInDomain = true
            }
            last = byte
            position += 1
        }
        if !ascii && !hasSpace { hasSpace = trimmed.unicodeScalars.contains { $0.properties.isWhitespace } }
        guard at > 0, atSigns == 1, dotInDomain, last != UInt8(ascii: "."), scalars <= 320, !hasSpace else {
            throw RoundtableError.usage("'\(text)' is not an e-mail address")
        }
        return trimmed
    }

    /// The form e-mail addresses are compared in: composed and case-folded, so `Aino@Example.FI`
    /// and `aino@example.fi` are one address.
    public static func emailKey(_ email: String) -> String {
        UnicodeText.composed(email).lowercased()
    }

    /// A phone number of 5–40 digits, spaces, dashes and parentheses, with an optional leading `+`.
    public static func phone(_ text: String) throws -> String {
        let trimmed = UnicodeText.trimmed(text)
        var body = trimmed.utf8[...]
        if body.first == UInt8(ascii: "+") { body = body.dropFirst() }
        let allowed = body.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x20 || $0 == 0x2D || $0 == 0x28 || $0 == 0x29 }
        guard (5...40).contains(body.count), allowed, body.contains(where: { (0x30...0x39).contains($0) }) else {
            throw RoundtableError.usage("'\(text)' is not a phone number (digits, spaces and an optional leading +)")
        }
        return trimmed
    }

    /// A BCP 47-style locale such as `fi-FI`, `sv_FI` or `nb`.
    public static func locale(_ text: String) throws -> String {
        let trimmed = UnicodeText.trimmed(text)
        // One pass: a 2-8 letter language, then 1-8 letters or digits after each - or _.
        var part = 0, length = 0, valid = true
        for byte in trimmed.utf8 {
            let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if byte == 0x2D || byte == 0x5F {
                valid = valid && (part == 0 ? (2...8).contains(length) : (1...8).contains(length))
                part += 1
                length = 0
            } else {
                valid = valid && (isLetter || (part > 0 && (0x30...0x39).contains(byte)))
                length += 1
            }
        }
        valid = valid && (part == 0 ? (2...8).contains(length) : (1...8).contains(length))
        guard valid else {
            throw RoundtableError.usage("'\(text)' is not a locale (expected something like fi-FI or sv-FI)")
        }
        return trimmed
    }

    /// Checks an attribute's name (one line, 1–200 code points) and value (up to 10,000).
    public static func attribute(name: String, value: String) throws {
        _ = try TextRules.token(name, what: "an attribute name")
        _ = try TextRules.text(value, what: "attribute '\(name)'")
    }
}

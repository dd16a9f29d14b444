import Foundation

/// Light checks on contact details: enough to catch typos, not to reject real addresses.
public enum ContactRules {
    /// A trimmed e-mail address with one `@` and a dot in the domain.
    public static func email(_ text: String) throws -> String {
        let trimmed = UnicodeText.trimmed(text)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasSuffix("."),
              trimmed.unicodeScalars.count <= 320,
              !trimmed.contains(where: \.isWhitespace)
        else {
            throw RoundtableError.usage("'\(text)' is not an e-mail address")
        }
        return trimmed
    }

    /// A phone number of digits, spaces, dashes and an optional leading `+`.
    public static func phone(_ text: String) throws -> String {
        let trimmed = UnicodeText.trimmed(text)
        let allowed = Set("0123456789 -()")
        let body = trimmed.hasPrefix("+") ? trimmed.dropFirst() : Substring(trimmed)
        guard (5...40).contains(body.count), body.allSatisfy(allowed.contains), body.contains(where: \.isNumber) else {
            throw RoundtableError.usage("'\(text)' is not a phone number (digits, spaces and an optional leading +)")
        }
        return trimmed
    }

    /// A BCP 47-style locale such as `fi-FI`, `sv_FI` or `nb`.
    public static func locale(_ text: String) throws -> String {
        let trimmed = UnicodeText.trimmed(text)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        let language = parts.first ?? ""
        guard (2...8).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else {
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

import Foundation

/// Light checks on contact details: enough to catch typos, not to reject real addresses.
public enum ContactRules {
    /// A trimmed e-mail address with one `@` and a dot in the domain.
    public static func email(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasSuffix("."),
              !trimmed.contains(where: \.isWhitespace)
        else {
            throw RoundtableError.usage("'\(text)' is not an e-mail address")
        }
        return trimmed
    }

    /// A phone number of digits, spaces, dashes and an optional leading `+`.
    public static func phone(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let allowed = Set("0123456789 -()")
        let body = trimmed.hasPrefix("+") ? trimmed.dropFirst() : Substring(trimmed)
        guard (5...40).contains(body.count), body.allSatisfy(allowed.contains), body.contains(where: \.isNumber) else {
            throw RoundtableError.usage("'\(text)' is not a phone number (digits, spaces and an optional leading +)")
        }
        return trimmed
    }

    /// A BCP 47-style locale such as `fi-FI`, `sv_FI` or `nb`.
    public static func locale(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
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

    /// Checks an attribute's name and value lengths (200 and 10,000 characters).
    public static func attribute(name: String, value: String) throws {
        guard !name.isEmpty, name.count <= 200 else {
            throw RoundtableError.usage("attribute name '\(name.prefix(40))' must be 1–200 characters")
        }
        guard value.count <= 10_000 else {
            throw RoundtableError.usage("attribute '\(name)' is longer than 10,000 characters")
        }
    }
}

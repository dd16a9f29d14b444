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
        guard body.count >= 5, body.allSatisfy(allowed.contains), body.contains(where: \.isNumber) else {
            throw RoundtableError.usage("'\(text)' is not a phone number (digits, spaces and an optional leading +)")
        }
        return trimmed
    }
}

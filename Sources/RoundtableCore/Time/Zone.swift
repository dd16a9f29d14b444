import Foundation

/// IANA time zones as users type them.
public enum Zone {
    /// UTC, for times written with `Z`.
    public static let utc = TimeZone(identifier: "UTC")!

    /// Resolves an IANA name such as `Europe/Helsinki`; abbreviations like `EET` are refused
    /// because they do not say which daylight-saving rules apply.
    public static func named(_ identifier: String) throws -> TimeZone {
        let trimmed = identifier.trimmingCharacters(in: .whitespaces)
        let isIANAName = trimmed.contains("/") || trimmed == "UTC"
        guard isIANAName, let zone = TimeZone(identifier: trimmed) else {
            throw RoundtableError.usage(
                "unknown time zone '\(identifier)' (use an IANA name such as Europe/Helsinki or UTC)")
        }
        return zone
    }

    /// A Gregorian calendar in the given zone.
    public static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}

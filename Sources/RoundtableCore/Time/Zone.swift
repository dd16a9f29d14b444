import Foundation

/// IANA time zones as users type them.
public enum Zone {
    /// UTC, for times written with `Z`.
    public static let utc = TimeZone(identifier: "UTC")!

    /// Resolves an IANA name such as `Europe/Helsinki`; abbreviations like `EET` are refused
    /// because they do not say which daylight-saving rules apply.
    public static func named(_ identifier: String) throws -> TimeZone {
        let trimmed = UnicodeText.trimmed(identifier)
        // Foundation on Linux names UTC "GMT", so that spelling must read back too.
        let isIANAName = trimmed.utf8.contains(UInt8(ascii: "/")) || trimmed == "UTC" || trimmed == "GMT"
        guard isIANAName, let zone = TimeZone(identifier: trimmed) else {
            throw RoundtableError.usage(
                "unknown time zone '\(identifier)' (use an IANA name such as Europe/Helsinki or UTC)")
        }
        return zone
    }

    /// The name Roundtable stores and shows: the IANA identifier, and `UTC` for UTC (which
    /// Foundation on Linux calls `GMT`).
    public static func name(of zone: TimeZone) -> String {
        let utcNames: Set<String> = ["GMT", "UTC", "Etc/UTC", "Etc/GMT"]
        return utcNames.contains(zone.identifier) ? "UTC" : zone.identifier
    }

    /// Resolves `identifier` and returns the name to store for it (remembered: imports ask for
    /// the same few zones once per row).
    public static func canonicalName(_ identifier: String) throws -> String {
        if let known = ZoneNameCache.shared.lookup(identifier) { return known }
        let canonical = name(of: try named(identifier))
        ZoneNameCache.shared.store(identifier, canonical)
        return canonical
    }

    /// A Gregorian calendar in the given zone.
    public static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}

/// Zone names already resolved, so a million-row import asks Foundation once per zone.
final class ZoneNameCache: @unchecked Sendable {
    static let shared = ZoneNameCache()
    private let lock = NSLock()
    private var names: [String: String] = [:]

    func lookup(_ identifier: String) -> String? {
        lock.withLock { names[identifier] }
    }

    func store(_ identifier: String, _ canonical: String) {
        lock.withLock { names[identifier] = canonical }
    }
}

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

    /// Every instant at which the wall clock in `zone` shows the time `naive` (wall-clock fields read
    /// as if UTC, in seconds since 1970), latest offset first: none in a gap when clocks go forward,
    /// two in the hour repeated when they go back.
    public static func instants(showing naive: Int64, in zone: TimeZone) -> [Date] {
        // Offsets in force a day either side cover every transition but those less than a day apart.
        let offsets = Set([-86_400, 0, 86_400].map {
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive + Int64($0))))
        })
        return offsets.sorted(by: >).compactMap { offset -> Date? in
            let instant = Date(timeIntervalSince1970: TimeInterval(naive - Int64(offset)))
            return zone.secondsFromGMT(for: instant) == offset ? instant : nil
        }
    }

    /// Whether the wall-clock time `date` shows in `zone` is shown at another instant too (in the
    /// hour repeated when clocks go back), so that the local time alone does not say which is meant.
    public static func isAmbiguous(_ date: Date, in zone: TimeZone) -> Bool {
        let whole = date.timeIntervalSince1970.rounded(.down)
        let naive = Int64(whole) + Int64(zone.secondsFromGMT(for: date))
        return instants(showing: naive, in: zone).count > 1
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

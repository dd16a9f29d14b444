import Foundation

/// The ways Roundtable writes instants: UTC for scripts, local with offset, and short table forms.
public enum TimeFormat {
    /// `2027-03-28T07:00:00Z`.
    public static func utc(_ date: Date) -> String {
        iso(date, Zone.utc, zulu: true)
    }

    /// `2027-03-28T10:00:00+03:00` in the given zone.
    public static func local(_ date: Date, _ zone: TimeZone) -> String {
        iso(date, zone, zulu: false)
    }

    /// `2027-03-28 10:00` in the given zone, for tables.
    public static func short(_ date: Date, _ zone: TimeZone) -> String {
        let c = components(date, zone)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// `10:00` in the given zone.
    public static func clock(_ date: Date, _ zone: TimeZone) -> String {
        let c = components(date, zone)
        return String(format: "%02d:%02d", c.hour!, c.minute!)
    }

    /// `+03:00`, `-05:30` or `+00:00`.
    public static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        return String(format: "%@%02d:%02d", sign, magnitude / 3600, (magnitude % 3600) / 60)
    }

    /// `2027-03-28`.
    public static func isoDate(_ local: LocalDateTime) -> String {
        String(format: "%04d-%02d-%02d", local.year, local.month, local.day)
    }

    /// `03:30`.
    public static func isoTime(_ local: LocalDateTime) -> String {
        String(format: "%02d:%02d", local.hour, local.minute)
    }

    /// `2027-03-28` of an instant in a zone.
    public static func day(_ date: Date, _ zone: TimeZone) -> String {
        let c = components(date, zone)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    private static func iso(_ date: Date, _ zone: TimeZone, zulu: Bool) -> String {
        let c = components(date, zone)
        let stamp = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        let seconds = zone.secondsFromGMT(for: date)
        return stamp + (zulu && seconds == 0 ? "Z" : offset(seconds))
    }

    private static func components(_ date: Date, _ zone: TimeZone) -> DateComponents {
        Zone.calendar(zone).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }
}

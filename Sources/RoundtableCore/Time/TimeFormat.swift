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

    /// `2027-03-28 10:00` in the given zone, for tables; `2027-10-31 02:30+01:00` when that wall-clock
    /// time happens twice there (clocks going back), so the two are told apart.
    public static func short(_ date: Date, _ zone: TimeZone) -> String {
        let c = civil(date, zone)
        return "\(c.date) \(c.clock)" + ambiguityOffset(date, zone)
    }

    /// `10:00` in the given zone; `02:30+01:00` when that wall-clock time happens twice there.
    public static func clock(_ date: Date, _ zone: TimeZone) -> String {
        civil(date, zone).clock + ambiguityOffset(date, zone)
    }

    /// `+03:00`, `-05:30` or `+00:00`.
    public static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        return "\(sign)\(pad(magnitude / 3600, 2)):\(pad(magnitude % 3600 / 60, 2))"
    }

    /// `2027-03-28`.
    public static func isoDate(_ local: LocalDateTime) -> String {
        "\(pad(local.year, 4))-\(pad(local.month, 2))-\(pad(local.day, 2))"
    }

    /// `03:30`.
    public static func isoTime(_ local: LocalDateTime) -> String {
        "\(pad(local.hour, 2)):\(pad(local.minute, 2))"
    }

    /// `2027-03-28` of an instant in a zone.
    public static func day(_ date: Date, _ zone: TimeZone) -> String {
        civil(date, zone).date
    }

    /// `2027-03-28T07:00:00.250Z`: UTC with milliseconds, for files that must lose nothing.
    public static func utcMilliseconds(_ date: Date) -> String {
        CivilTime(date).bytes(dateTimeSeparator: UInt8(ascii: "T"), suffix: UInt8(ascii: "Z"))
    }

    private static func iso(_ date: Date, _ zone: TimeZone, zulu: Bool) -> String {
        let seconds = zone.secondsFromGMT(for: date)
        let c = CivilTime(date.addingTimeInterval(-date.timeIntervalSince1970.truncatingRemainder(dividingBy: 1)),
                          offsetSeconds: seconds)
        return "\(c.date)T\(c.time)" + (zulu && seconds == 0 ? "Z" : offset(seconds))
    }

    /// The offset in force at `date` when its wall-clock time in `zone` is ambiguous, else nothing.
    private static func ambiguityOffset(_ date: Date, _ zone: TimeZone) -> String {
        Zone.isAmbiguous(date, in: zone) ? offset(zone.secondsFromGMT(for: date)) : ""
    }

    private static func civil(_ date: Date, _ zone: TimeZone) -> CivilTime {
        CivilTime(date, offsetSeconds: zone.secondsFromGMT(for: date))
    }
}

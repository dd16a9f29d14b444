import Foundation

/// A `VTIMEZONE` built from Foundation's transitions of an IANA zone over the years a calendar's
/// events fall in, so clients without that zone's rules still place every event right.
public struct ICalendarTimeZone: Sendable, Equatable {
    /// One period with a single UTC offset, starting at a transition.
    public struct Observance: Sendable, Equatable {
        /// Whether the period is daylight-saving time (`DAYLIGHT`) or not (`STANDARD`).
        public var isDaylight: Bool
        /// The instant the period starts.
        public var onset: Date
        /// The offset in force just before the onset, in seconds east of UTC.
        public var offsetFrom: Int
        /// The offset in force from the onset on.
        public var offsetTo: Int

        /// `DAYLIGHT` or `STANDARD`.
        public var component: String { isDaylight ? "DAYLIGHT" : "STANDARD" }

        /// The onset as wall-clock time under the old offset, as RFC 5545 writes `DTSTART` here.
        public var localStart: String { ICalendarWriter.dateTime(onset, offsetSeconds: offsetFrom) }
    }

    /// The IANA name, used as `TZID`.
    public let identifier: String
    /// The periods in onset order; the first starts on or before the first day covered.
    public let observances: [Observance]

    /// The observances of `zone` covering every instant from the first of January of the year of
    /// `first` to the end of the year of `last` (years counted in that zone).
    public init(zone: TimeZone, covering first: Date, through last: Date) {
        identifier = Zone.name(of: zone)
        let firstYear = CivilTime(first, offsetSeconds: zone.secondsFromGMT(for: first)).year
        let lastYear = CivilTime(last, offsetSeconds: zone.secondsFromGMT(for: last)).year
        let start = Self.newYear(firstYear, zone)
        let end = Self.newYear(lastYear + 1, zone)
        // The period in force on the first day began at the last transition before it; a year's
        // look back finds it in every zone that changes its clocks yearly.
        var initial: Observance?
        var cursor = start.addingTimeInterval(-400 * 86_400)
        var found: [Observance] = []
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let observance = Self.observance(zone, at: next)
            if next <= start { initial = observance } else { found.append(observance) }
            cursor = next
        }
        let offset = zone.secondsFromGMT(for: start)
        let opening = initial ?? Observance(isDaylight: zone.isDaylightSavingTime(for: start), onset: start,
                                            offsetFrom: offset, offsetTo: offset)
        observances = [opening] + found
    }

    /// Writes the `VTIMEZONE` component.
    public func write(to writer: inout ICalendarWriter) {
        writer.begin("VTIMEZONE")
        writer.property("TZID", raw: identifier)
        for observance in observances {
            writer.begin(observance.component)
            writer.property("DTSTART", raw: observance.localStart)
            writer.property("TZOFFSETFROM", raw: ICalendarWriter.utcOffset(observance.offsetFrom))
            writer.property("TZOFFSETTO", raw: ICalendarWriter.utcOffset(observance.offsetTo))
            writer.end(observance.component)
        }
        writer.end("VTIMEZONE")
    }

    /// Whether a zone is UTC, whose times are written with `Z` and need no `VTIMEZONE`.
    public static func isUTC(_ zone: TimeZone) -> Bool {
        Zone.name(of: zone) == "UTC"
    }

    private static func observance(_ zone: TimeZone, at instant: Date) -> Observance {
        Observance(isDaylight: zone.isDaylightSavingTime(for: instant), onset: instant,
                   offsetFrom: zone.secondsFromGMT(for: instant.addingTimeInterval(-1)),
                   offsetTo: zone.secondsFromGMT(for: instant))
    }

    /// Midnight starting the first of January of `year` in `zone`.
    private static func newYear(_ year: Int, _ zone: TimeZone) -> Date {
        let seconds = LocalDateTime(year: year, month: 1, day: 1).secondsAsIfUTC
        let midnightUTC = Date(timeIntervalSince1970: TimeInterval(seconds))
        return midnightUTC.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: midnightUTC)))
    }
}

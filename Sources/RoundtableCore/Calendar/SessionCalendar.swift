import Foundation

/// A whole iCalendar document of sessions: one `VEVENT` each and one `VTIMEZONE` per zone used.
public struct SessionCalendar: Sendable {
    /// `PRODID` of every calendar Roundtable writes.
    public static let productId = "-//Roundtable//Roundtable sessions//EN"

    /// The events, in the order given.
    public var events: [CalendarEvent]
    /// When the export was made: every event's `DTSTAMP`.
    public var stamp: Date

    /// Creates a calendar of `events` stamped with `stamp`.
    public init(events: [CalendarEvent], stamp: Date) {
        self.events = events
        self.stamp = stamp
    }

    /// The time zones the events need, by name, each covering the years its events fall in.
    public var timeZones: [ICalendarTimeZone] {
        var spans: [String: (zone: TimeZone, first: Date, last: Date)] = [:]
        for event in events where !event.isUTC {
            let name = Zone.name(of: event.zone)
            let span = spans[name] ?? (event.zone, event.start, event.end)
            spans[name] = (span.zone, min(span.first, event.start), max(span.last, event.end))
        }
        return spans.keys.sorted().map { name in
            let span = spans[name]!
            return ICalendarTimeZone(zone: span.zone, covering: span.first, through: span.last)
        }
    }

    /// The `.ics` text: CRLF line ends, folded, UTF-8 when encoded.
    public func render() -> String {
        var writer = ICalendarWriter()
        writer.begin("VCALENDAR")
        writer.property("PRODID", raw: Self.productId)
        writer.property("VERSION", raw: "2.0")
        writer.property("CALSCALE", raw: "GREGORIAN")
        writer.property("METHOD", raw: "PUBLISH")
        for zone in timeZones {
            zone.write(to: &writer)
        }
        for event in events {
            event.write(to: &writer, stamp: stamp)
        }
        writer.end("VCALENDAR")
        return writer.output
    }
}

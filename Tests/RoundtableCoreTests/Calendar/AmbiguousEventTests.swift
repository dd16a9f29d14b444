import Foundation
import Testing
@testable import RoundtableCore

/// RFC 5545 reads a local time that happens twice as its first occurrence, so such events are
/// written in UTC.
@Suite("Calendar events in the repeated hour")
struct AmbiguousEventTests {
    static let created = Fixture.utc("2026-12-01T09:00:00Z")

    func lines(start: String, minutes: Int, zone: String = "Europe/Oslo") -> [String] {
        let session = Session(id: 1, title: "Late", kind: .focusGroup, startsAt: Fixture.utc(start), timeZone: zone,
                              durationMinutes: minutes, channel: .video, capacity: 4, createdAt: Self.created)
        let event = CalendarEvent(session: session, moderators: [], seats: [])
        return SessionCalendar(events: [event], stamp: Self.created).render()
            .replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
    }

    @Test func aSessionInTheRepeatedHourIsWrittenInUTC() {
        let lines = lines(start: "2027-10-31T00:30:00Z", minutes: 60)
        #expect(lines.contains("DTSTART:20271031T003000Z"))
        #expect(lines.contains("DTEND:20271031T013000Z"))
        #expect(!lines.contains { $0.hasPrefix("DTSTART;TZID") || $0.hasPrefix("DTEND;TZID") })
        #expect(!lines.contains("BEGIN:VTIMEZONE"), "no event needs the zone")
    }

    @Test func anEndInTheRepeatedHourIsEnoughForUTC() {
        let lines = lines(start: "2027-10-30T23:30:00Z", minutes: 60)
        #expect(lines.contains("DTSTART:20271030T233000Z"))
        #expect(lines.contains("DTEND:20271031T003000Z"))
    }

    @Test func sessionsAroundItKeepTheirZone() {
        let before = lines(start: "2027-10-30T22:00:00Z", minutes: 60)
        #expect(before.contains("DTSTART;TZID=Europe/Oslo:20271031T000000"))
        #expect(before.contains("DTEND;TZID=Europe/Oslo:20271031T010000"))
        let after = lines(start: "2027-10-31T02:00:00Z", minutes: 60)
        #expect(after.contains("DTSTART;TZID=Europe/Oslo:20271031T030000"))
        #expect(after.contains("BEGIN:VTIMEZONE"))
    }
}

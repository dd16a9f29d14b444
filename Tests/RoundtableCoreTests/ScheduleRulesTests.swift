import Foundation
import Testing
@testable import RoundtableCore

/// No one and no room in two overlapping sessions; no start in the past unless asked.
@Suite("ScheduleRules")
struct ScheduleRulesTests {
    // S-0001 runs 10:00–11:30 Helsinki time on 2027-03-28.
    let booked = [BookedSlot(session: EntityKey(.session, id: 1), title: "Mobile banking",
                             start: Fixture.utc("2027-03-28T07:00:00Z"), end: Fixture.utc("2027-03-28T08:30:00Z"))]
    let moderator = ClashSubject.moderator(EntityKey(.moderator, id: 2), name: "Åsa Lindqvist")

    func check(_ start: String, _ end: String, ignoring: EntityKey? = nil) throws {
        try ScheduleRules.checkNoClash(moderator, start: Fixture.utc(start), end: Fixture.utc(end), booked: booked,
                                       zone: Fixture.helsinki, ignoring: ignoring)
    }

    @Test("touching ends do not clash", arguments: [
        ("2027-03-28T08:30:00Z", "2027-03-28T10:00:00Z"), ("2027-03-28T06:00:00Z", "2027-03-28T07:00:00Z"),
        ("2027-03-29T07:00:00Z", "2027-03-29T08:30:00Z"),
    ])
    func touchingIsFine(start: String, end: String) throws {
        try check(start, end)
    }

    @Test("overlaps clash and the message names the clashing session", arguments: [
        ("2027-03-28T08:29:00Z", "2027-03-28T10:00:00Z"), ("2027-03-28T06:00:00Z", "2027-03-28T07:01:00Z"),
        ("2027-03-28T07:30:00Z", "2027-03-28T08:00:00Z"), ("2027-03-28T06:00:00Z", "2027-03-28T09:00:00Z"),
        ("2027-03-28T07:00:00Z", "2027-03-28T08:30:00Z"),
    ])
    func overlapClashes(start: String, end: String) throws {
        let error = expectRoundtableError(.invalidData) { try check(start, end) }
        let message = try #require(error?.message)
        #expect(message.contains("S-0001"))
        #expect(message.contains("moderator M-0002 (Åsa Lindqvist)"))
        #expect(message.contains("'Mobile banking'"))
        #expect(message.contains("2027-03-28 10:00–11:30 Europe/Helsinki"))
        #expect(error?.exitCode == 65)
    }

    @Test("a session does not clash with itself when it is being moved")
    func ignoresItself() throws {
        try check("2027-03-28T07:30:00Z", "2027-03-28T09:00:00Z", ignoring: EntityKey(.session, id: 1))
        expectRoundtableError(.invalidData) {
            try check("2027-03-28T07:30:00Z", "2027-03-28T09:00:00Z", ignoring: EntityKey(.session, id: 2))
        }
    }

    @Test("clash subjects describe themselves")
    func subjects() {
        #expect(ClashSubject.room("Sali 1").description == "room 'Sali 1'")
        #expect(ClashSubject.participant(EntityKey(.participant, id: 4), name: "Äijälä").description
            == "participant P-000004 (Äijälä)")
    }

    @Test("Session.overlaps agrees with the clash rule")
    func sessionOverlaps() {
        let session = Session(title: "x", kind: .interview, startsAt: Fixture.utc("2027-03-28T07:00:00Z"),
                              timeZone: "Europe/Helsinki", durationMinutes: 90, channel: .video, capacity: 1,
                              createdAt: Fixture.utc("2026-12-01T09:00:00Z"))
        #expect(session.endsAt == Fixture.utc("2027-03-28T08:30:00Z"))
        #expect(!session.overlaps(start: session.endsAt, end: session.endsAt.addingTimeInterval(600)))
        #expect(session.overlaps(start: session.endsAt.addingTimeInterval(-60), end: session.endsAt.addingTimeInterval(600)))
    }

    @Test("a start in the past is refused unless allowPast")
    func startInPast() throws {
        let now = Fixture.utc("2026-12-01T09:00:00Z")
        let past = now.addingTimeInterval(-60)
        let error = expectRoundtableError(.invalidData) { try ScheduleRules.checkStart(past, now: now, allowPast: false) }
        #expect(error?.message.contains("2026-12-01T08:59:00Z is in the past") == true)
        #expect(error?.message.contains("--allow-past") == true)
        try ScheduleRules.checkStart(past, now: now, allowPast: true)
        try ScheduleRules.checkStart(now, now: now, allowPast: false)
        try ScheduleRules.checkStart(now.addingTimeInterval(60), now: now, allowPast: false)
    }

    @Test("Session.move keeps the end in step and counts the revision")
    func move() {
        var session = Session(title: "x", kind: .interview, startsAt: Fixture.utc("2027-03-28T07:00:00Z"),
                              timeZone: "Europe/Helsinki", durationMinutes: 90, channel: .video, capacity: 1,
                              createdAt: Fixture.utc("2026-12-01T09:00:00Z"))
        session.move(to: Fixture.utc("2027-04-01T07:00:00Z"), durationMinutes: 60)
        #expect(session.endsAt == Fixture.utc("2027-04-01T08:00:00Z"))
        #expect(session.revision == 1)
    }
}

import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// Moving a session re-checks every clash, and counts a revision for calendars.
@Suite("Store: rescheduleSession")
struct RescheduleSessionTests {
    @Test("each reschedule stores the new instant and grows the revision")
    func revisionGrows() throws {
        let ws = try Workspace()
        let session = try ws.session(start: "2027-03-27 10:00", moderators: [ws.moderator()])
        #expect(session.revision == 0)
        let moved = try ws.db.rescheduleSession(session.key, start: "2027-03-28 10:00", timeZone: nil, durationMinutes: nil,
                                                allowPast: false)
        #expect(moved.revision == 1)
        #expect(moved.startsAt == Workspace.instant("2027-03-28T07:00:00Z"))
        #expect(moved.durationMinutes == 90)
        let again = try ws.db.rescheduleSession(session.key, start: "2027-03-28T12:00+02:00", timeZone: "Europe/Oslo",
                                                durationMinutes: 60, allowPast: false)
        #expect(again.revision == 2)
        #expect(again.timeZone == "Europe/Oslo")
        #expect(again.startsAt == Workspace.instant("2027-03-28T10:00:00Z"))
        #expect(again.endsAt == Workspace.instant("2027-03-28T11:00:00Z"))
        let stored = try ws.db.sessionDetails(session.key).session
        #expect(stored.revision == 2)
        #expect(stored.endsAt == again.endsAt)
    }

    @Test("moving onto a seated participant's other session is refused and nothing changes")
    func participantClash() throws {
        let ws = try Workspace()
        let person = try ws.participant("Äijälä")
        let morning = try ws.session("Morning", start: "2027-03-28 10:00", moderators: [ws.moderator()])
        let afternoon = try ws.session("Afternoon", start: "2027-03-28 14:00", moderators: [ws.moderator()])
        try ws.invite(morning, [person])
        try ws.invite(afternoon, [person])
        let error = expectRoundtableError(.invalidData) {
            try ws.db.rescheduleSession(afternoon.key, start: "2027-03-28 10:30", timeZone: nil, durationMinutes: nil,
                                        allowPast: false)
        }
        #expect(error?.message.contains("participant P-000001 (Äijälä)") == true)
        #expect(error?.message.contains("S-0001") == true)
        let stored = try ws.db.sessionDetails(afternoon.key).session
        #expect(stored.revision == 0)
        #expect(stored.startsAt == afternoon.startsAt)
        // Once the person declines the morning, the move is fine.
        _ = try ws.db.respond(morning.key, participant: person.key, accepts: false)
        let moved = try ws.db.rescheduleSession(afternoon.key, start: "2027-03-28 10:30", timeZone: nil,
                                                durationMinutes: nil, allowPast: false)
        #expect(moved.revision == 1)
    }

    @Test("moderator and room clashes are re-checked, but a session never clashes with itself")
    func moderatorAndRoom() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator()
        let first = try ws.session("First", start: "2027-03-28 10:00", moderators: [moderator], room: "Sali 1")
        let second = try ws.session("Second", start: "2027-03-28 13:00", moderators: [ws.moderator()], room: "SALI 1")
        let error = expectRoundtableError(.invalidData) {
            try ws.db.rescheduleSession(second.key, start: "2027-03-28 11:00", timeZone: nil, durationMinutes: nil,
                                        allowPast: false)
        }
        #expect(error?.message.contains("room 'SALI 1' is already in S-0001") == true)
        let shifted = try ws.db.rescheduleSession(first.key, start: "2027-03-28 10:30", timeZone: nil, durationMinutes: nil,
                                                  allowPast: false)
        #expect(shifted.revision == 1)
    }

    @Test("the past, the gap and closed sessions are refused")
    func refusals() throws {
        let ws = try Workspace()
        let session = try ws.session(start: "2027-03-28 10:00", moderators: [ws.moderator()])
        expectRoundtableError(.invalidData) {
            try ws.db.rescheduleSession(session.key, start: "2026-11-01 10:00", timeZone: nil, durationMinutes: nil,
                                        allowPast: false)
        }
        let gap = expectRoundtableError(.invalidData) {
            try ws.db.rescheduleSession(session.key, start: "2027-03-28 03:15", timeZone: nil, durationMinutes: nil,
                                        allowPast: false)
        }
        #expect(gap?.message.contains("does not exist") == true)
        expectRoundtableError(.usage) {
            try ws.db.rescheduleSession(session.key, start: "tomorrow", timeZone: nil, durationMinutes: nil, allowPast: false)
        }
        _ = try ws.db.cancelSession(session.key, reason: "budget")
        let cancelled = expectRoundtableError(.invalidData) {
            try ws.db.rescheduleSession(session.key, start: "2027-04-01 10:00", timeZone: nil, durationMinutes: nil,
                                        allowPast: false)
        }
        #expect(cancelled?.message == "cannot reschedule S-0001: it is cancelled")
        #expect(try ws.db.sessionDetails(session.key).session.revision == 0)
    }
}

import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// Scheduling: times stored as instants, and no moderator or room in two places at once.
@Suite("Store: scheduleSession")
struct ScheduleSessionTests {
    @Test("a Helsinki local time on the spring-forward day is stored as the right instant")
    func storesInstant() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator(zone: "Europe/Oslo")
        let session = try ws.session(start: "2027-03-28 10:00", zone: "Europe/Helsinki", minutes: 90, moderators: [moderator])
        #expect(session.key.description == "S-0001")
        #expect(session.startsAt == Workspace.instant("2027-03-28T07:00:00Z"))
        #expect(session.endsAt == Workspace.instant("2027-03-28T08:30:00Z"))
        #expect(session.timeZone == "Europe/Helsinki")
        #expect(session.status == .scheduled)
        let stored = try ws.db.sessionDetails(session.key)
        #expect(stored.session.startsAt == session.startsAt)
        #expect(stored.moderators.map(\.key) == [moderator.key])
        #expect(TimeFormat.local(stored.session.startsAt, stored.session.zone) == "2027-03-28T10:00:00+03:00")
    }

    @Test("without a zone the first moderator's zone is used")
    func moderatorZone() throws {
        let ws = try Workspace()
        let oslo = try ws.moderator(zone: "Europe/Oslo")
        let helsinki = try ws.moderator(zone: "Europe/Helsinki")
        let session = try ws.session(start: "2027-03-28 10:00", zone: nil, moderators: [oslo, helsinki])
        #expect(session.timeZone == "Europe/Oslo")
        #expect(session.startsAt == Workspace.instant("2027-03-28T08:00:00Z"))
        let iso = try ws.session("Later", start: "2027-03-28T18:00+03:00", zone: nil, moderators: [helsinki])
        #expect(iso.startsAt == Workspace.instant("2027-03-28T15:00:00Z"))
    }

    @Test("a time in the daylight-saving gap is refused and nothing is stored")
    func gapRefused() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator()
        let error = expectRoundtableError(.invalidData) { try ws.session(start: "2027-03-28 03:30", moderators: [moderator]) }
        #expect(error?.message.contains("does not exist") == true)
        #expect(try ws.db.sessions(SessionFilter()).isEmpty)
    }

    @Test("a moderator clash is refused with exit code 65, naming the clashing session")
    func moderatorClash() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator()
        try ws.session(start: "2027-03-28 10:00", moderators: [moderator])
        let error = expectRoundtableError(.invalidData) {
            try ws.session("Overlap", start: "2027-03-28 11:00", moderators: [moderator])
        }
        #expect(error?.exitCode == 65)
        #expect(error?.message.contains("S-0001") == true)
        #expect(error?.message.contains("moderator M-0001") == true)
        #expect(try ws.db.sessions(SessionFilter()).count == 1)
    }

    @Test("a room clash ignores case and spacing")
    func roomClash() throws {
        let ws = try Workspace()
        let first = try ws.moderator()
        let second = try ws.moderator()
        try ws.session(start: "2027-03-28 10:00", moderators: [first], room: "Sali 1")
        let error = expectRoundtableError(.invalidData) {
            try ws.session("Other", start: "2027-03-28 10:30", moderators: [second], room: "sali  1")
        }
        #expect(error?.message.contains("room 'sali  1'") == true)
        #expect(error?.message.contains("S-0001") == true)
        try ws.session("Other room", start: "2027-03-28 10:30", moderators: [second], room: "Sali 2")
    }

    @Test("back-to-back sessions are allowed")
    func backToBack() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator()
        try ws.session(start: "2027-03-28 10:00", minutes: 90, moderators: [moderator], room: "Sali 1")
        let next = try ws.session("Next", start: "2027-03-28 11:30", moderators: [moderator], room: "Sali 1")
        let before = try ws.session("Before", start: "2027-03-28 08:00", minutes: 120, moderators: [moderator], room: "Sali 1")
        #expect(next.key.description == "S-0002")
        #expect(try ws.db.sessions(SessionFilter()).map(\.session.key) == [before.key, EntityKey(.session, id: 1), next.key])
    }

    @Test("a cancelled session frees its time")
    func cancelledFreesTime() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator()
        let first = try ws.session(start: "2027-03-28 10:00", moderators: [moderator], room: "Sali 1")
        expectRoundtableError(.usage) { try ws.db.cancelSession(first.key, reason: "  ") }
        let cancelled = try ws.db.cancelSession(first.key, reason: "moderator ill")
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.cancelReason == "moderator ill")
        try ws.session("Replacement", start: "2027-03-28 10:00", moderators: [moderator], room: "Sali 1")
        expectRoundtableError(.invalidData) { try ws.db.cancelSession(first.key, reason: "again") }
    }

    @Test("a start in the past is refused unless allowPast")
    func pastStart() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator()
        let error = expectRoundtableError(.invalidData) { try ws.session(start: "2026-11-30 10:00", moderators: [moderator]) }
        #expect(error?.message.contains("--allow-past") == true)
        let past = try ws.session(start: "2026-11-30 10:00", moderators: [moderator], allowPast: true)
        #expect(past.startsAt == Workspace.instant("2026-11-30T08:00:00Z"))
        #expect(try ws.db.sessions(SessionFilter(upcoming: true)).isEmpty)
    }

    @Test("bad plans are refused before anything is written")
    func badPlans() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator()
        expectRoundtableError(.usage) { try ws.session(moderators: []) }
        expectRoundtableError(.usage) { try ws.session(moderators: [moderator, moderator]) }
        expectRoundtableError(.usage) { try ws.session(moderators: [moderator], capacity: 0) }
        expectRoundtableError(.usage) { try ws.session(" ", moderators: [moderator]) }
        expectRoundtableError(.usage) { try ws.session(zone: "EET", moderators: [moderator]) }
        expectRoundtableError(.invalidData) { try ws.session(moderators: [moderator], panel: "no-such-panel") }
        expectRoundtableError(.invalidData) {
            try ws.db.scheduleSession(SessionPlan(title: "x", start: "2027-03-28 10:00", timeZone: nil, durationMinutes: 60,
                                                  moderators: [EntityKey(.moderator, id: 9)], capacity: 4))
        }
        #expect(try ws.db.sessions(SessionFilter()).isEmpty)
    }

    @Test("a moderator added with zone UTC can schedule without --tz")
    func utcModerator() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator(zone: "UTC")
        #expect(moderator.timeZone == "UTC")
        let session = try ws.session(start: "2027-03-28 10:00", zone: nil, moderators: [moderator])
        #expect(session.startsAt == Workspace.instant("2027-03-28T10:00:00Z"))
    }
}

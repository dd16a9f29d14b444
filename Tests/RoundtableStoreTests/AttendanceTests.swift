import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// Attendance once a session has started, and completion turning unmarked seats into no-shows.
@Suite("Store: attendance and completion")
struct AttendanceTests {
    /// S-0001 at 2027-03-28 10:00 Helsinki (07:00Z) with three confirmed people and one invited.
    static func setup() throws -> (Workspace, Session, [Participant]) {
        let ws = try Workspace()
        let session = try ws.session(start: "2027-03-28 10:00", moderators: [ws.moderator()], capacity: 4)
        let people = try ["Anna", "Åsa", "Øystein", "Mikko"].map { try ws.participant($0) }
        try ws.invite(session, people)
        for person in people.prefix(3) { _ = try ws.db.respond(session.key, participant: person.key, accepts: true) }
        return (ws, session, people)
    }

    @Test("attendance before the session starts is refused")
    func beforeStart() throws {
        let (ws, session, people) = try Self.setup()
        ws.clock.set(Workspace.instant("2027-03-28T06:59:00Z"))
        let error = expectRoundtableError(.invalidData) {
            try ws.db.recordAttendance(session.key, attended: [people[0].key], noShow: [])
        }
        #expect(error?.message.contains("before it starts (2027-03-28T10:00:00+03:00)") == true)
        #expect(try ws.seatStatus(session, people[0]) == .confirmed)
        expectRoundtableError(.invalidData) { try ws.db.completeSession(session.key) }
    }

    @Test("attendance moves the session to in-progress")
    func movesToInProgress() throws {
        let (ws, session, people) = try Self.setup()
        ws.clock.set(Workspace.instant("2027-03-28T07:05:00Z"))
        let updated = try ws.db.recordAttendance(session.key, attended: [people[0].key, people[3].key], noShow: [people[1].key])
        #expect(updated.status == .inProgress)
        #expect(try ws.db.sessionDetails(session.key).session.status == .inProgress)
        #expect(try ws.seatStatus(session, people[0]) == .attended)
        #expect(try ws.seatStatus(session, people[1]) == .noShow)
        #expect(try ws.seatStatus(session, people[3]) == .attended)
        // A correction: the no-show arrived late.
        _ = try ws.db.recordAttendance(session.key, attended: [people[1].key], noShow: [])
        #expect(try ws.seatStatus(session, people[1]) == .attended)
    }

    @Test("attendance input must name people once and not be empty")
    func attendanceInput() throws {
        let (ws, session, people) = try Self.setup()
        ws.clock.set(Workspace.instant("2027-03-28T07:05:00Z"))
        expectRoundtableError(.usage) { try ws.db.recordAttendance(session.key, attended: [], noShow: []) }
        let both = expectRoundtableError(.usage) {
            try ws.db.recordAttendance(session.key, attended: [people[0].key], noShow: [people[0].key])
        }
        #expect(both?.message.contains("P-000001 both attended and no-show") == true)
        let stranger = try ws.participant("Stranger")
        expectRoundtableError(.invalidData) { try ws.db.recordAttendance(session.key, attended: [stranger.key], noShow: []) }
        #expect(try ws.db.sessionDetails(session.key).session.status == .scheduled)
    }

    @Test("a cancelled session takes no attendance and cannot be completed")
    func cancelledSession() throws {
        let (ws, session, people) = try Self.setup()
        _ = try ws.db.cancelSession(session.key, reason: "snow storm")
        ws.clock.set(Workspace.instant("2027-03-28T07:05:00Z"))
        let error = expectRoundtableError(.invalidData) {
            try ws.db.recordAttendance(session.key, attended: [people[0].key], noShow: [])
        }
        #expect(error?.message == "cannot record attendance for S-0001: it is cancelled")
        expectRoundtableError(.invalidData) { try ws.db.completeSession(session.key) }
    }

    @Test("completion turns unmarked confirmed seats into no-shows")
    func completion() throws {
        let (ws, session, people) = try Self.setup()
        ws.clock.set(Workspace.instant("2027-03-28T07:05:00Z"))
        _ = try ws.db.recordAttendance(session.key, attended: [people[0].key], noShow: [])
        ws.clock.set(Workspace.instant("2027-03-28T08:45:00Z"))
        let summary = try ws.db.completeSession(session.key)
        #expect(summary.session.status == .completed)
        #expect(summary.attended == 1)
        #expect(summary.markedNoShow == [people[1].key, people[2].key])
        let counts = try ws.db.sessionDetails(session.key).seatCounts
        #expect(counts == [.attended: 1, .noShow: 2, .invited: 1])
        #expect(try ws.auditActions().last == "session.complete")
        let again = expectRoundtableError(.invalidData) { try ws.db.completeSession(session.key) }
        #expect(again?.message.contains("it is completed") == true)
        expectRoundtableError(.invalidData) { try ws.db.recordAttendance(session.key, attended: [people[1].key], noShow: []) }
    }

    @Test("a scheduled session can be completed directly once started")
    func completeWithoutAttendance() throws {
        let (ws, session, people) = try Self.setup()
        ws.clock.set(Workspace.instant("2027-03-28T09:00:00Z"))
        let summary = try ws.db.completeSession(session.key)
        #expect(summary.attended == 0)
        #expect(Set(summary.markedNoShow) == Set(people.prefix(3).map(\.key)))
    }
}

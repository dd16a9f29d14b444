import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("A restored backup is held to the rules the commands keep")
struct WorkspaceRestoreRulesTests {
    static let created = Workspace.instant("2026-11-01T09:00:00Z")

    static func session(_ id: Int64, _ start: String, minutes: Int = 60, zone: String = "Europe/Helsinki", room: String? = nil,
                        capacity: Int = 6, status: SessionStatus = .scheduled) -> Session {
        Session(id: id, title: "Session \(id)", kind: .focusGroup, startsAt: Workspace.instant(start), timeZone: zone,
                durationMinutes: minutes, channel: .inPerson, room: room, capacity: capacity, status: status,
                cancelReason: status == .cancelled ? "moved" : nil, createdAt: created)
    }

    static func seat(_ session: Int64, _ participant: Int64, _ status: SeatStatus) -> (participant: EntityKey, seat: Seat) {
        (EntityKey(.participant, id: participant),
         Seat(sessionId: session, participantId: participant, status: status, invitedAt: created))
    }

    /// Two moderators, three participants, then `sessions` (each record at line 100 + its id).
    static func restore(_ workspace: Workspace, _ sessions: [SessionRecord]) throws -> RestoreSummary {
        try workspace.db.restoreWorkspace { sink in
            for id in Int64(1)...2 {
                sink.locate(line: Int(id) + 2)
                try sink.moderator(Moderator(id: id, name: "Moderator \(id)", email: "m\(id)@example.fi",
                                             timeZone: "Europe/Helsinki", createdAt: created))
            }
            for id in Int64(1)...3 {
                sink.locate(line: Int(id) + 10)
                try sink.participant(ParticipantRecord(participant: Participant(id: id, displayName: "Person \(id)", createdAt: created)))
            }
            for record in sessions {
                sink.locate(line: 100 + Int(record.session.id ?? 0))
                try sink.session(record)
            }
        }
    }

    static func record(_ session: Session, moderators: [Int64] = [1], seats: [(participant: EntityKey, seat: Seat)] = []) -> SessionRecord {
        SessionRecord(session: session, panelKey: nil, moderators: moderators.map { EntityKey(.moderator, id: $0) }, seats: seats)
    }

    @Test func everyClashIsListedWithTheLaterSessionsLineAndNothingIsWritten() throws {
        let workspace = try Workspace()
        let summary = try Self.restore(workspace, [
            Self.record(Self.session(1, "2027-03-01T10:00:00Z", minutes: 120, room: "Sali 1"), seats: [Self.seat(1, 1, .confirmed)]),
            // Touching ends do not overlap; a cancelled session and a declined seat hold no time.
            Self.record(Self.session(2, "2027-03-01T12:00:00Z"), seats: [Self.seat(2, 1, .confirmed)]),
            Self.record(Self.session(3, "2027-03-01T10:30:00Z", status: .cancelled), seats: [Self.seat(3, 1, .confirmed)]),
            Self.record(Self.session(4, "2027-03-01T11:00:00Z", room: "sali 1"), moderators: [2], seats: [Self.seat(4, 1, .declined)]),
            // Moderator 1 and participant 2 in sessions 5 and 6, and in 7 too (two clashes each).
            Self.record(Self.session(5, "2027-04-01T10:00:00Z"), seats: [Self.seat(5, 2, .invited)]),
            Self.record(Self.session(6, "2027-04-01T10:30:00Z"), seats: [Self.seat(6, 2, .attended)]),
            Self.record(Self.session(7, "2027-04-01T10:45:00Z", minutes: 10), seats: [Self.seat(7, 2, .noShow)]),
        ])
        let messages = summary.violations.map { "\($0.line): \($0.message)" }
        #expect(messages == [
            "104: session S-0004: room 'sali 1' is already in S-0001 'Session 1' 2027-03-01 12:00–14:00 Europe/Helsinki",
            "106: session S-0006: moderator M-0001 (Moderator 1) is already in S-0005 'Session 5' 2027-04-01 13:00–14:00 Europe/Helsinki",
            "106: session S-0006: participant P-000002 (Person 2) is already in S-0005 'Session 5' 2027-04-01 13:00–14:00 Europe/Helsinki",
            "107: session S-0007: moderator M-0001 (Moderator 1) is already in S-0005 'Session 5' 2027-04-01 13:00–14:00 Europe/Helsinki",
            "107: session S-0007: participant P-000002 (Person 2) is already in S-0005 'Session 5' 2027-04-01 13:00–14:00 Europe/Helsinki",
        ])
        #expect(try workspace.db.moderators().isEmpty, "nothing is written")
    }

    @Test func seatsZonesKeysAndDetailsAreCheckedAsTheCommandsCheckThem() throws {
        let workspace = try Workspace()
        let summary = try Self.restore(workspace, [
            Self.record(Self.session(1, "2027-03-01T10:00:00Z", capacity: 1),
                        seats: [Self.seat(1, 1, .attended), Self.seat(1, 2, .attended), Self.seat(1, 3, .attended)]),
            Self.record(Self.session(2, "2027-03-02T10:00:00Z", zone: "Europe/Atlantis")),
            Self.record(Self.session(2, "2027-03-03T10:00:00Z")),
            Self.record(Self.session(3, "2027-03-04T10:00:00Z"), moderators: [7], seats: [Self.seat(3, 9, .invited)]),
        ])
        #expect(summary.violations.map { "\($0.line): \($0.message)" } == [
            "101: session S-0001: holds 3 confirmed or attended seats, more than its capacity of 1 + 0 reserve",
            "102: session S-0002: unknown time zone 'Europe/Atlantis' (use an IANA name such as Europe/Helsinki or UTC)",
            "102: session S-0002: appears more than once in the backup",
            "103: session S-0003: names moderator M-0007, which the backup does not contain",
            "103: session S-0003: seats P-000009, which the backup does not contain",
        ])
    }
}

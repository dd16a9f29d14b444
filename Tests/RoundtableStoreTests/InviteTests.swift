import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// Invitations: every rule is checked, the rule is named, and a batch lands whole or not at all.
@Suite("Store: invite")
struct InviteTests {
    /// A workspace with a panel, a moderator and a focus group S-0001 on 2027-03-28 10:00 Helsinki.
    struct Setup {
        let ws: Workspace
        let moderator: Moderator
        let session: Session

        init() throws {
            ws = try Workspace()
            try ws.panel("nordic-pool")
            moderator = try ws.moderator()
            session = try ws.session(start: "2027-03-28 10:00", moderators: [moderator], panel: "nordic-pool", capacity: 4)
        }
    }

    @Test("eligible members are invited and audited")
    func invitesMembers() throws {
        let s = try Setup()
        let anna = try s.ws.participant("Anna", panel: "nordic-pool")
        let asa = try s.ws.participant("Åsa", panel: "nordic-pool")
        let seats = try s.ws.invite(s.session, [anna, asa])
        #expect(seats.map(\.status) == [.invited, .invited])
        #expect(seats.allSatisfy { $0.invitedAt == Workspace.start })
        #expect(try s.ws.db.sessionDetails(s.session.key).seatCounts == [.invited: 2])
        #expect(try s.ws.auditActions().filter { $0 == "session.invite" }.count == 2)
        let again = expectRoundtableError(.invalidData) { try s.ws.invite(s.session, [anna]) }
        #expect(again?.message.contains("already invited in S-0001") == true)
        expectRoundtableError(.usage) { try s.ws.invite(s.session, [asa, asa]) }
    }

    @Test("no contact consent, or consent withdrawn, is refused by name")
    func noConsent() throws {
        let s = try Setup()
        let never = try s.ws.participant("Never", consent: nil, panel: "nordic-pool")
        let withdrawn = try s.ws.participant("Withdrawn", consent: false, panel: "nordic-pool")
        let e1 = expectRoundtableError(.invalidData) { try s.ws.invite(s.session, [never]) }
        #expect(e1?.message == "cannot invite P-000001 to S-0001: no contact consent given")
        let e2 = expectRoundtableError(.invalidData) { try s.ws.invite(s.session, [withdrawn]) }
        #expect(e2?.message == "cannot invite P-000002 to S-0001: contact consent withdrawn")
    }

    @Test("do-not-contact is refused")
    func doNotContact() throws {
        let s = try Setup()
        let person = try s.ws.participant("Quiet", panel: "nordic-pool")
        var changes = ParticipantChanges()
        changes.doNotContact = true
        _ = try s.ws.db.editParticipant(person.key, changes)
        let error = expectRoundtableError(.invalidData) { try s.ws.invite(s.session, [person]) }
        #expect(error?.message.contains("do-not-contact is set") == true)
    }

    @Test("a focus group attended two months ago is a cool-down")
    func coolDown() throws {
        let s = try Setup()
        let person = try s.ws.participant("Recent", panel: "nordic-pool")
        let past = try s.ws.session("Earlier", start: "2026-10-01 10:00", moderators: [s.moderator], panel: "nordic-pool",
                                    allowPast: true)
        try s.ws.invite(past, [person])
        _ = try s.ws.db.respond(past.key, participant: person.key, accepts: true)
        _ = try s.ws.db.recordAttendance(past.key, attended: [person.key], noShow: [])
        let error = expectRoundtableError(.invalidData) { try s.ws.invite(s.session, [person]) }
        #expect(error?.message.contains("cool-down: focus group S-0002 on 2026-10-01 is within 6mo") == true)
        // A shorter cool-down lets the same person in.
        try s.ws.invite(s.session, [person], policy: EligibilityPolicy(coolDown: CalendarPeriod(parsing: "30d")))
    }

    @Test("a clash with another session the person is seated in is refused")
    func clash() throws {
        let s = try Setup()
        let person = try s.ws.participant("Busy", panel: "nordic-pool")
        let other = try s.ws.session("Interview", kind: .interview, start: "2027-03-28 11:00", moderators: [s.ws.moderator()])
        try s.ws.invite(other, [person])
        let error = expectRoundtableError(.invalidData) { try s.ws.invite(s.session, [person]) }
        #expect(error?.message.contains("clash: already seated in S-0002") == true)
    }

    @Test("when one of several people is ineligible, nobody is invited")
    func allOrNone() throws {
        let s = try Setup()
        let first = try s.ws.participant("First", panel: "nordic-pool")
        let blocked = try s.ws.participant("Blocked", consent: nil, panel: "nordic-pool")
        let last = try s.ws.participant("Last", panel: "nordic-pool")
        let auditBefore = try s.ws.auditActions()
        let error = expectRoundtableError(.invalidData) { try s.ws.invite(s.session, [first, blocked, last]) }
        #expect(error?.message.contains("P-000002") == true)
        #expect(error?.message.contains("no contact consent") == true)
        #expect(try s.ws.db.sessionDetails(s.session.key).seats.isEmpty)
        #expect(try s.ws.auditActions() == auditBefore)
        #expect(try s.ws.invite(s.session, [first, last]).count == 2)
    }

    @Test("people who are not active members of the session's panel are refused")
    func nonMembers() throws {
        let s = try Setup()
        let outsider = try s.ws.participant("Outsider")
        let error = expectRoundtableError(.invalidData) { try s.ws.invite(s.session, [outsider]) }
        #expect(error?.message == "cannot invite P-000001 to S-0001: not an active member of nordic-pool")
        let alumnus = try s.ws.participant("Alumnus", panel: "nordic-pool")
        try s.ws.db.removeMembers(panel: "nordic-pool", participants: [alumnus.key])
        expectRoundtableError(.invalidData) { try s.ws.invite(s.session, [alumnus]) }
        expectRoundtableError(.invalidData) {
            try s.ws.db.invite(s.session.key, participants: [EntityKey(.participant, id: 42)], policy: EligibilityPolicy())
        }
    }

    @Test("cancelled sessions take no invitations")
    func cancelledSession() throws {
        let s = try Setup()
        let person = try s.ws.participant("Anna", panel: "nordic-pool")
        _ = try s.ws.db.cancelSession(s.session.key, reason: "room flooded")
        let error = expectRoundtableError(.invalidData) { try s.ws.invite(s.session, [person]) }
        #expect(error?.message == "cannot invite people to S-0001: it is cancelled")
    }
}

import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// `participant eligible`: a verdict per active member, naming every rule that excludes them.
@Suite("Store: eligibility(panel:session:policy:)")
struct EligibilityQueryTests {
    @Test("each member gets the reasons the rules give")
    func verdicts() throws {
        let ws = try Workspace()
        try ws.panel("nordic-pool")
        try ws.panel("other-pool")
        let moderator = try ws.moderator()
        let fine = try ws.participant("Fine", panel: "nordic-pool")
        let never = try ws.participant("Never asked", consent: nil, panel: "nordic-pool")
        let withdrawn = try ws.participant("Withdrawn", panel: "nordic-pool")
        _ = try ws.db.recordConsent(withdrawn.key, scope: .contact, given: false, version: "2026-02")
        let quiet = try ws.participant("Quiet", panel: "nordic-pool")
        var changes = ParticipantChanges()
        changes.doNotContact = true
        _ = try ws.db.editParticipant(quiet.key, changes)
        let gone = try ws.participant("Gone", panel: "nordic-pool")
        _ = try ws.db.forgetParticipant(gone.key)
        try ws.participant("Elsewhere", panel: "other-pool")

        let verdicts = try ws.db.eligibility(panel: "nordic-pool", session: nil, policy: EligibilityPolicy())
        let byKey = Dictionary(uniqueKeysWithValues: verdicts.map { ($0.participant.key, $0.reasons) })
        #expect(verdicts.map(\.participant.key) == [fine, never, withdrawn, quiet, gone].map(\.key))
        #expect(byKey[fine.key] == [])
        #expect(byKey[never.key] == [.noContactConsent(withdrawn: false)])
        #expect(byKey[withdrawn.key] == [.noContactConsent(withdrawn: true)])
        #expect(byKey[quiet.key] == [.doNotContact])
        #expect(byKey[gone.key] == [.forgotten])
        #expect(verdicts.filter(\.isEligible).map(\.participant.key) == [fine.key])
        _ = moderator
    }

    @Test("judged for a session: seats, clashes and cool-downs are named")
    func forSession() throws {
        let ws = try Workspace()
        try ws.panel("nordic-pool")
        let moderator = try ws.moderator()
        let seated = try ws.participant("Seated", panel: "nordic-pool")
        let busy = try ws.participant("Busy", panel: "nordic-pool")
        let rested = try ws.participant("Rested", panel: "nordic-pool")
        let recent = try ws.participant("Recent", panel: "nordic-pool")
        let target = try ws.session("Target", start: "2027-03-28 10:00", moderators: [moderator], panel: "nordic-pool")
        let clashing = try ws.session("Clashing", kind: .interview, start: "2027-03-28 11:00", moderators: [ws.moderator()])
        let earlier = try ws.session("Earlier", start: "2027-01-10 10:00", moderators: [moderator])
        let longAgo = try ws.session("Long ago", start: "2026-06-01 10:00", moderators: [moderator], allowPast: true)
        try ws.invite(target, [seated])
        try ws.invite(clashing, [busy])
        try ws.invite(earlier, [recent])
        _ = try ws.db.respond(earlier.key, participant: recent.key, accepts: true)
        try ws.invite(longAgo, [rested])
        _ = try ws.db.recordAttendance(longAgo.key, attended: [rested.key], noShow: [])

        let verdicts = try ws.db.eligibility(panel: nil, session: target.key, policy: EligibilityPolicy())
        let byKey = Dictionary(uniqueKeysWithValues: verdicts.map { ($0.participant.key, $0.reasons) })
        #expect(byKey[seated.key] == [.alreadySeated(session: target.key, status: .invited)])
        #expect(byKey[busy.key] == [.clash(session: clashing.key)])
        #expect(byKey[recent.key] == [.coolDown(session: earlier.key, start: earlier.startsAt, period: CalendarPeriod(months: 6))])
        #expect(byKey[rested.key] == [])

        let noCoolDown = try ws.db.eligibility(panel: nil, session: target.key, policy: EligibilityPolicy(coolDown: CalendarPeriod()))
        #expect(noCoolDown.first { $0.participant.id == recent.id }?.isEligible == true)
    }

    @Test("a declined seat or a cancelled session blocks nothing")
    func declinedAndCancelled() throws {
        let ws = try Workspace()
        try ws.panel("nordic-pool")
        let person = try ws.participant("Anna", panel: "nordic-pool")
        let target = try ws.session("Target", start: "2027-03-28 10:00", moderators: [ws.moderator()], panel: "nordic-pool")
        let clashing = try ws.session("Clashing", start: "2027-03-28 10:30", moderators: [ws.moderator()])
        let cancelled = try ws.session("Cancelled", start: "2027-03-27 10:00", moderators: [ws.moderator()])
        try ws.invite(clashing, [person])
        _ = try ws.db.respond(clashing.key, participant: person.key, accepts: false)
        try ws.invite(cancelled, [person])
        _ = try ws.db.respond(cancelled.key, participant: person.key, accepts: true)
        _ = try ws.db.cancelSession(cancelled.key, reason: "no room")
        let verdicts = try ws.db.eligibility(panel: "nordic-pool", session: target.key, policy: EligibilityPolicy())
        #expect(verdicts.map(\.reasons) == [[]])
        expectRoundtableError(.invalidData) { try ws.db.eligibility(panel: "nope", session: nil, policy: EligibilityPolicy()) }
        expectRoundtableError(.invalidData) {
            try ws.db.eligibility(panel: nil, session: EntityKey(.session, id: 9), policy: EligibilityPolicy())
        }
    }
}

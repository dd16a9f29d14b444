import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// The right to be forgotten: identity goes, the anonymous row and the statistics stay.
@Suite("Store: forgetParticipant")
struct ForgetParticipantTests {
    /// Äijälä attended a past focus group (S-0001, completed) and is invited to a future one (S-0002).
    static func setup() throws -> (ws: Workspace, person: Participant, past: Session, future: Session) {
        let ws = try Workspace()
        try ws.panel("nordic-pool")
        let moderator = try ws.moderator()
        let person = try ws.participant("Äijälä", email: "maija@example.fi", panel: "nordic-pool",
                                        attributes: [("segment", "SMB"), ("city", "Tampere")])
        try ws.participant("Virtanen", panel: "nordic-pool")
        let past = try ws.session("Earlier", start: "2026-06-01 10:00", moderators: [moderator], allowPast: true)
        try ws.invite(past, [person])
        _ = try ws.db.recordAttendance(past.key, attended: [person.key], noShow: [])
        _ = try ws.db.completeSession(past.key)
        let future = try ws.session("Later", start: "2027-03-28 10:00", moderators: [moderator])
        try ws.invite(future, [person])
        _ = try ws.db.respond(future.key, participant: person.key, accepts: true)
        return (ws, person, past, future)
    }

    @Test("name, e-mail and attributes are gone but the row is kept")
    func identityRemoved() throws {
        let (ws, person, _, _) = try Self.setup()
        let countBefore = try ws.db.participants(search: nil, panel: nil, limit: nil).count
        let forgotten = try ws.db.forgetParticipant(person.key)
        #expect(forgotten.erasedAt == Workspace.start)
        let details = try ws.db.participantDetails(person.key)
        #expect(details.participant.displayName == "(forgotten)")
        #expect(details.participant.nameSearch == "")
        #expect(details.participant.email == nil)
        #expect(details.participant.phone == nil)
        #expect(details.participant.isErased)
        #expect(details.attributes.isEmpty)
        #expect(try ws.db.participants(search: nil, panel: nil, limit: nil).count == countBefore)
        #expect(try ws.db.participants(search: "aijala", panel: nil, limit: nil).isEmpty)
        #expect(try ws.db.participants(search: "maija@", panel: nil, limit: nil).isEmpty)
        #expect(try ws.auditActions().last == "participant.forget")
    }

    @Test("seat counts stay; open invitations are declined")
    func seatsKept() throws {
        let (ws, person, past, future) = try Self.setup()
        #expect(try ws.db.sessionDetails(past.key).seatCounts == [.attended: 1])
        _ = try ws.db.forgetParticipant(person.key)
        #expect(try ws.db.sessionDetails(past.key).seatCounts == [.attended: 1])
        #expect(try ws.db.sessionDetails(future.key).seatCounts == [.declined: 1])
        #expect(try ws.db.participantDetails(person.key).seats.map(\.status) == [.attended, .declined])
    }

    @Test("forgetting twice is refused, and so are edits and consent")
    func forgetTwice() throws {
        let (ws, person, _, _) = try Self.setup()
        _ = try ws.db.forgetParticipant(person.key)
        let error = expectRoundtableError(.invalidData) { try ws.db.forgetParticipant(person.key) }
        #expect(error?.message == "P-000001 was already forgotten")
        var changes = ParticipantChanges()
        changes.name = "Back again"
        expectRoundtableError(.invalidData) { try ws.db.editParticipant(person.key, changes) }
        expectRoundtableError(.invalidData) {
            try ws.db.recordConsent(person.key, scope: .contact, given: true, version: "2027-01")
        }
        expectRoundtableError(.invalidData) {
            try ws.db.addMembers(panel: "nordic-pool", participants: [person.key], role: "x", termEnd: nil)
        }
        expectRoundtableError(.invalidData) { try ws.db.forgetParticipant(EntityKey(.participant, id: 77)) }
    }

    @Test("a forgotten person is reported as forgotten and cannot be invited")
    func notInvitable() throws {
        let (ws, person, _, _) = try Self.setup()
        _ = try ws.db.forgetParticipant(person.key)
        let verdicts = try ws.db.eligibility(panel: "nordic-pool", session: nil, policy: EligibilityPolicy())
        #expect(verdicts.first { $0.participant.id == person.id }?.reasons == [.forgotten])
        let session = try ws.session("Another", start: "2027-05-01 10:00", moderators: [ws.moderator()])
        let error = expectRoundtableError(.invalidData) { try ws.invite(session, [person]) }
        #expect(error?.message == "cannot invite P-000001 to S-0003: forgotten on request")
    }
}

@Suite("Store: forgetting takes the name out of transcripts")
struct ForgetTranscriptTests {
    @Test("speaker labels, utterance texts and notes lose the name; codings keep covering the same words")
    func namesLeaveTranscripts() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator()
        let session = try ws.session(moderators: [moderator])
        let person = try ws.participant("Äijälä, Tuulikki")
        try ws.invite(session, [person])
        let text = "Tuulikki here. The price is too high, says Äijälä."
        let (utterance, note) = try ws.db.write { db in
            var utterance = Utterance(sessionId: session.id!, sequence: 1, participantId: person.id, speakerLabel: "Tuulikki",
                                      text: text)
            try utterance.insert(db)
            var note = Note(sessionId: session.id!, kind: .observation, text: "Tuulikki left early", author: "x",
                            createdAt: Workspace.start)
            try note.insert(db)
            return (utterance, note)
        }
        _ = try ws.db.addCode(name: "Price and value")
        let price = try TextSpan.checked(start: 15, end: 36, in: text)
        #expect(price.text(in: text) == "The price is too high")
        _ = try ws.db.applyCode("Price and value", to: utterance.key, from: price.start, to: price.end)
        _ = try ws.db.forgetParticipant(person.key)
        let after = try ws.db.transcript(session: session.key).lines[0].utterance
        #expect(after.speakerLabel == "P-000001")
        #expect(after.text == "P-000001 here. The price is too high, says P-000001.")
        #expect(try ws.db.codings(target: utterance.key).map(\.text) == ["The price is too high"])
        #expect(try ws.db.notes(session: session.key, openOnly: false).first { $0.id == note.id }?.text == "P-000001 left early")
    }

    @Test("a coding batch's search loses the name parts, however typed, and the audit log never had it")
    func namesLeaveBatchSearches() throws {
        let ws = try Workspace()
        let session = try ws.session(moderators: [try ws.moderator()])
        let person = try ws.participant("Äijälä, Tuulikki")
        try ws.invite(session, [person])
        _ = try ws.db.addUtterance(session: session.key, speaker: "\(person.key)", at: nil, text: "Tuulikki Äijälä on the price")
        _ = try ws.db.addCode(name: "Price and value")
        _ = try ws.db.applyCode("Price and value", search: "aijala price")
        _ = try ws.db.applyCode("Price and value", search: "\"Tuulikki\"", coder: "ben")
        let audit = try ws.db.read { db in try AuditEntry.fetchAll(db).map { "\($0.subject) \($0.detail)" } }
        #expect(audit.allSatisfy { !$0.localizedCaseInsensitiveContains("aijala") })
        _ = try ws.db.forgetParticipant(person.key)
        #expect(try ws.db.codingBatches().map(\.batch.query) == ["P-000001 price", "P-000001"])
    }

    @Test("a moderator or another participant who shares the surname keeps their whole name")
    func otherNamesStay() throws {
        let ws = try Workspace()
        let moderator = try ws.moderator("Aino Virtanen")
        let session = try ws.session(moderators: [moderator])
        let person = try ws.participant("Virtanen, Ilkka")
        let other = try ws.participant("Matti Virtanen")
        try ws.invite(session, [person, other])
        let text = "Aino Virtanen asked Ilkka Virtanen; Matti Virtanen and Virtanen agreed."
        try ws.db.write { db in
            var utterance = Utterance(sessionId: session.id!, sequence: 1, moderatorId: moderator.id, speakerLabel: "Aino Virtanen",
                                      text: text)
            try utterance.insert(db)
            var note = Note(sessionId: session.id!, kind: .observation, text: "Virtanen, Aino noted Ilkka", author: "x",
                            createdAt: Workspace.start)
            try note.insert(db)
        }
        _ = try ws.db.forgetParticipant(person.key)
        let after = try ws.db.transcript(session: session.key).lines[0].utterance
        #expect(after.speakerLabel == "Aino Virtanen")
        #expect(after.text == "Aino Virtanen asked P-000001; Matti Virtanen and P-000001 agreed.")
        #expect(try ws.db.notes(session: session.key, openOnly: false).first?.text == "Virtanen, Aino noted P-000001")
    }
}

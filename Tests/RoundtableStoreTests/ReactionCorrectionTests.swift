import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// A second answer to the same concept loses nothing by accident: refused unless replacing, and a
/// replacement says what it changed and which codings went with a changed comment.
@Suite("Store: correcting a reaction")
struct ReactionCorrectionTests {
    /// The attended session of the concept tests, with Anna's reaction to eco-box (R-0001) commented
    /// and coded twice.
    static func codedReaction() throws -> (Workspace, Session, Participant) {
        let (ws, session, people) = try ConceptsStoreTests.attendedSession()
        _ = try ws.db.react(session: session.key, concept: "eco-box", participant: people[0].key, appeal: 2, intent: 3,
                            recommend: 6, expectation: -1, comment: "Liian kallis laatikko")
        try ws.db.addCode(name: "Price")
        try ws.db.addCode(name: "Packaging")
        try ws.db.applyCode("Price", to: EntityKey(.reaction, id: 1), from: 0, to: 12)
        try ws.db.applyCode("Packaging", to: EntityKey(.reaction, id: 1))
        return (ws, session, people[0])
    }

    func react(_ ws: Workspace, _ session: Session, _ person: Participant, appeal: Int = 2, expectation: Int? = -1,
               comment: String? = "Liian kallis laatikko", replace: Bool) throws -> RecordedReaction {
        try ws.db.react(session: session.key, concept: "eco-box", participant: person.key, appeal: appeal, intent: 3,
                        recommend: 6, expectation: expectation, comment: comment, replace: replace)
    }

    func stored(_ ws: Workspace) throws -> Reaction? {
        try ws.db.read { db in try Reaction.fetchOne(db, key: 1) }
    }

    func auditDetails(_ ws: Workspace) throws -> [String] {
        try ws.db.read { db in try AuditEntry.order(sql: "id").fetchAll(db).map { "\($0.action) \($0.subject) \($0.detail)" } }
    }

    @Test("a second answer without replace is refused with the one on record, and nothing changes")
    func refusedWithTheExistingOne() throws {
        let (ws, session, person) = try Self.codedReaction()
        let before = try stored(ws)
        let audit = try auditDetails(ws)
        do {
            _ = try react(ws, session, person, appeal: 5, expectation: nil, comment: nil, replace: false)
            Issue.record("a second reaction was taken without replace")
        } catch let refused as ReactionAlreadyRecorded {
            #expect(refused.existing == before)
            #expect(refused.codings == 2)
            #expect(refused.participant == person.key && refused.concept == "eco-box" && refused.session == session.key)
            #expect(refused.existing.answers
                == #"appeal 2, intent 3, recommend 6, expectation -1, comment "Liian kallis laatikko""#)
        }
        #expect(try stored(ws) == before)
        #expect(try ws.db.codings(target: EntityKey(.reaction, id: 1)).count == 2)
        #expect(try auditDetails(ws) == audit, "a refusal leaves no trace")
    }

    @Test("replacing with the comment unchanged keeps its codings and lists the answers changed")
    func sameCommentKeepsCodings() throws {
        let (ws, session, person) = try Self.codedReaction()
        // Typed again in another form: trimmed and composed, it is the same comment.
        let recorded = try react(ws, session, person, appeal: 4, expectation: 1,
                                 comment: "  Liian kallis laatikko ", replace: true)
        let replacement = try #require(recorded.replacement)
        #expect(replacement.changes.map(\.description) == ["appeal 2 → 4", "expectation -1 → +1"])
        #expect(replacement.removedCodings.isEmpty)
        #expect(replacement.earlier.appeal == 2)
        #expect(recorded.reaction.key.description == "R-0001")
        #expect(try ws.db.codings(target: EntityKey(.reaction, id: 1)).map(\.codePath) == ["Price", "Packaging"])
        #expect(try auditDetails(ws).last == "concept.replace-reaction R-0001 S-0001 eco-box P-000001: appeal 2 → 4, expectation -1 → +1")
    }

    @Test("replacing the comment removes its codings and says which, with the old comment")
    func changedCommentListsRemovedCodings() throws {
        let (ws, session, person) = try Self.codedReaction()
        let recorded = try react(ws, session, person, expectation: nil, comment: "Hyvä idea", replace: true)
        let replacement = try #require(recorded.replacement)
        #expect(replacement.changes.map(\.description)
            == [#"expectation -1 → none"#, #"comment "Liian kallis laatikko" → "Hyvä idea""#])
        #expect(replacement.removedCodings.map { "\($0.codePath) \($0.text)" }
            == ["Price Liian kallis", "Packaging Liian kallis laatikko"], "the covered words of the old comment")
        #expect(try ws.db.codings(target: EntityKey(.reaction, id: 1)).isEmpty)
        #expect(try stored(ws)?.comment == "Hyvä idea")
        let audit = try #require(try auditDetails(ws).last)
        #expect(audit == "concept.replace-reaction R-0001 S-0001 eco-box P-000001: expectation -1 → none, comment changed; "
            + "removed 2 codings: Price [0, 12), Packaging [0, 21)")
        #expect(!audit.contains("kallis"), "the audit log, kept after a person is forgotten, holds no comment text")
    }

    @Test("replacing with the same answers changes nothing and logs nothing")
    func sameAnswers() throws {
        let (ws, session, person) = try Self.codedReaction()
        let before = try stored(ws)
        let audit = try auditDetails(ws)
        ws.clock.set(Workspace.start.addingTimeInterval(3600))
        let recorded = try react(ws, session, person, replace: true)
        #expect(recorded.replacement?.changes == [])
        #expect(try stored(ws) == before, "not even the time it was recorded")
        #expect(try auditDetails(ws) == audit)
        #expect(try ws.db.codings(target: EntityKey(.reaction, id: 1)).count == 2)
    }

    @Test("a reaction's answers read as one line, the comment escaped")
    func answersOnOneLine() {
        let reaction = Reaction(presentationId: 1, participantId: 1, appeal: 3, intent: 1, recommend: 10, expectation: 0,
                                comment: "Sanoi \"ei\"\nja lähti \\", recordedAt: Workspace.start)
        #expect(reaction.answers == #"appeal 3, intent 1, recommend 10, expectation 0, comment "Sanoi \"ei\"\nja lähti \\""#)
    }
}

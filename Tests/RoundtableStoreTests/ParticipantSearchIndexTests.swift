import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// The trigram index behind participant search: it narrows, it never changes an answer.
@Suite("Store: participant search index")
struct ParticipantSearchIndexTests {
    private func names(_ ws: Workspace, _ search: String, limit: Int? = nil) throws -> [String] {
        try ws.db.participants(search: search, panel: nil, limit: limit).map(\.participant.displayName)
    }

    private func people(_ ws: Workspace) throws {
        try ws.participant("Äijälä Maija", email: "maija@example.fi")
        try ws.participant("Øystein Ålesund", email: "OYSTEIN@example.no")
        try ws.participant("Bjørn Dæhlie", email: "bjorn_d@example.no")
        try ws.participant("Anna Virtanen", email: "anna.v@example.fi")
        try ws.participant("Antti \"Q\" Virtanen")
    }

    static let searches = ["aijala", "Äijä", "A\u{308}ija\u{308}la\u{308}", "virtanen", "VIRTANEN", "oystein@", "n_d@",
                           "example", "nen", "an", "a", "%", "\"q\"", "q\" v", "zzzz", "anna.v@example.fi", "  aijala  "]

    @Test("an indexed search gives what a scan gives", arguments: searches)
    func indexedEqualsScan(search: String) throws {
        let scanned = try Workspace()
        try people(scanned)
        let indexed = try Workspace()
        try people(indexed)
        #expect(try indexed.db.indexParticipantSearch() == 5)
        #expect(try indexed.db.participantSearchBacklog() == 0)
        #expect(try scanned.db.participantSearchBacklog() == 5)
        #expect(try names(indexed, search) == names(scanned, search))
        #expect(try names(indexed, search, limit: 1) == names(scanned, search, limit: 1))
    }

    @Test("people added after the index was brought up to date are found by scanning")
    func newerPeopleAreScanned() throws {
        let ws = try Workspace()
        try people(ws)
        try ws.db.indexParticipantSearch()
        try ws.participant("Aino Virtanen")
        #expect(try ws.db.participantSearchBacklog() == 1)
        #expect(try names(ws, "virtanen") == ["Anna Virtanen", "Antti \"Q\" Virtanen", "Aino Virtanen"])
        #expect(try ws.db.indexParticipantSearch() == 1)
        #expect(try names(ws, "virtanen") == ["Anna Virtanen", "Antti \"Q\" Virtanen", "Aino Virtanen"])
    }

    @Test("an edited or forgotten name leaves nothing in the index")
    func editAndForgetUpdateTheIndex() throws {
        let ws = try Workspace()
        try people(ws)
        try ws.db.indexParticipantSearch()
        var changes = ParticipantChanges()
        changes.name = "Maija Koskinen"
        changes.email = "koskinen@example.fi"
        _ = try ws.db.editParticipant(EntityKey(.participant, id: 1), changes)
        #expect(try names(ws, "aijala").isEmpty)
        #expect(try names(ws, "maija@").isEmpty)
        #expect(try names(ws, "koskinen") == ["Maija Koskinen"])
        _ = try ws.db.forgetParticipant(EntityKey(.participant, id: 2))
        #expect(try names(ws, "oystein").isEmpty)
        let indexedRows = try ws.db.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM participantSearch WHERE participantSearch MATCH '\"osk\"'")
        }
        #expect(indexedRows == 1, "only the renamed person's trigrams contain 'osk'")
        // FTS5 checks its own structure; a 'delete' with other text than was indexed would break it.
        try ws.db.write { db in
            try db.execute(sql: "INSERT INTO participantSearch (participantSearch, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test("trigrams are quoted and sampled", arguments: [
        ("abc", "\"abc\""), ("ab", nil), ("a\"bc", "\"a\"\"b\" AND \"\"\"bc\""),
    ] as [(String, String?)])
    func matchExpression(text: String, expected: String?) {
        #expect(ParticipantSearchIndex.matchExpression(nameKey: text, emailNeedle: text) == expected)
    }

    @Test("a long search text samples at most a dozen trigrams")
    func longSearch() {
        let text = String(repeating: "abcdefghij", count: 100)
        let expression = ParticipantSearchIndex.matchExpression(nameKey: text, emailNeedle: text) ?? ""
        #expect(expression.components(separatedBy: " AND ").count <= ParticipantSearchIndex.sampledTrigrams)
    }
}

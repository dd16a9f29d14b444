import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// What the v3 tables themselves guarantee, whatever code writes to them.
@Suite("Store: v3 schema")
struct SchemaV3Tests {
    static func sessionWithUtterance(_ text: String) throws -> (Workspace, Session, Int64) {
        let ws = try Workspace()
        let session = try ws.session(moderators: [ws.moderator()])
        let id = try ws.db.write { db in
            var utterance = Utterance(sessionId: session.id!, sequence: 1, speakerLabel: "Observer", text: text)
            try utterance.insert(db)
            return utterance.id!
        }
        return (ws, session, id)
    }

    @Test("full-text search folds diacritics both ways", arguments: ["aijala", "Äijälä", "AIJALA", "A\u{308}ija\u{308}la\u{308}"])
    func searchFoldsDiacritics(query: String) throws {
        let (ws, _, id) = try Self.sessionWithUtterance("Minä olen Äijälä ja asun Oulussa")
        let pattern = "\"" + UnicodeText.composed(query) + "\""
        let hits = try ws.db.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM utteranceSearch WHERE utteranceSearch MATCH ?", arguments: [pattern])
        }
        #expect(hits == [id])
    }

    @Test("Nordic letters that do not decompose are folded too", arguments: ["oystein", "Øystein", "OYSTEIN", "loevaas", "løvås"])
    func nordicLetters(query: String) throws {
        let (ws, _, id) = try Self.sessionWithUtterance("Jeg heter Øystein Løvås")
        let hits = try ws.db.searchTranscripts(query: query)
        if query.hasPrefix("loe") {
            #expect(hits.isEmpty, "ø is folded to o, not oe")
        } else {
            #expect(hits.map(\.utterance) == [EntityKey(.utterance, id: id)])
            #expect(hits.first?.snippet.contains("[Øystein]") == true || hits.first?.snippet.contains("[Løvås]") == true)
        }
    }

    @Test("the search index follows edits and deletions")
    func searchFollowsEdits() throws {
        let (ws, _, id) = try Self.sessionWithUtterance("kahvi on hyvää")
        func hits(_ word: String) throws -> Int {
            try ws.db.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM utteranceSearch WHERE utteranceSearch MATCH ?", arguments: [word]) ?? 0
            }
        }
        try ws.db.write { db in try db.execute(sql: "UPDATE utterance SET text = 'tee on parempaa' WHERE id = ?", arguments: [id]) }
        #expect(try hits("kahvi") == 0)
        #expect(try hits("tee") == 1)
        try ws.db.write { db in try db.execute(sql: "DELETE FROM utterance WHERE id = ?", arguments: [id]) }
        #expect(try hits("tee") == 0)
    }

    @Test("a coding has exactly one target and an ordered span")
    func codingConstraints() throws {
        let (ws, _, utteranceId) = try Self.sessionWithUtterance("fast delivery")
        let codeId = try ws.db.write { db in
            var code = Code(name: "Speed", createdAt: Workspace.start)
            try code.insert(db)
            return code.id!
        }
        func insert(_ sql: String) -> Bool {
            (try? ws.db.write { db in try db.execute(sql: sql) }) != nil
        }
        let columns = "INSERT INTO coding (codeId, utteranceId, noteId, startOffset, endOffset, coder, createdAt, guid)"
        #expect(insert("\(columns) VALUES (\(codeId), \(utteranceId), NULL, 0, 4, 'x', '2026-12-01', 'g1')"))
        #expect(insert("\(columns) VALUES (\(codeId), \(utteranceId), NULL, NULL, NULL, 'x', '2026-12-01', 'g2')"))
        #expect(!insert("\(columns) VALUES (\(codeId), NULL, NULL, 0, 4, 'x', '2026-12-01', 'g3')"))
        #expect(!insert("\(columns) VALUES (\(codeId), \(utteranceId), NULL, 4, 4, 'x', '2026-12-01', 'g4')"))
        #expect(!insert("\(columns) VALUES (\(codeId), \(utteranceId), NULL, 2, NULL, 'x', '2026-12-01', 'g5')"))
        #expect(!insert("\(columns) VALUES (\(codeId), \(utteranceId), NULL, NULL, NULL, 'x', '2026-12-01', 'g1')"), "GUIDs are unique")
    }

    @Test("sibling codes cannot share a name in any case; cousins can")
    func codeNames() throws {
        let ws = try Workspace()
        try ws.db.write { db in
            var channel = Code(name: "Channel", createdAt: Workspace.start)
            try channel.insert(db)
            var phone = Code(parentId: channel.id, name: "Phone", createdAt: Workspace.start)
            try phone.insert(db)
            var topPhone = Code(name: "Phone", createdAt: Workspace.start)
            try topPhone.insert(db)
        }
        #expect(throws: (any Error).self) {
            try ws.db.write { db in
                var duplicate = Code(name: "CHANNEL", createdAt: Workspace.start)
                try duplicate.insert(db)
            }
        }
    }
}

import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("Restore: the bulk path gives the same workspace, and a failed restore leaves nothing")
struct WorkspaceRestoreBulkTests {
    /// A workspace with a transcript in Nordic letters (composed and decomposed), as the source.
    static func source() throws -> Workspace {
        let ws = try Workspace()
        let moderator = try ws.moderator("Liisa Virtanen")
        let session = try ws.session(moderators: [moderator])
        let people = try ["Matti Äijälä", "Øystein Berg", "Åsa Nieminen"].map { try ws.participant($0) }
        try ws.invite(session, people)
        _ = try ws.db.importTranscript(session: session.key, text: """
            [00:00:05] Liisa: Tervetuloa kaikki, mitä mieltä olette mobiilipankista?
            [00:00:12] Äijälä: Minä olen Matti A\u{308}ija\u{308}la\u{308} ja jono oli pitkä.
            [00:00:30] Øystein: Hei, jeg heter Øystein. Køen var lang, men appen er grei.
            [00:00:41] Åsa: Hej! Jag bor i Umeå och kön var kort.
            [00:01:02] Client: Kiitos, jono ja kö.
            """, fileName: "group.txt", replace: false)
        return ws
    }

    /// The index's rows, the triggers' SQL and a few searches' hits, to compare two workspaces.
    static func searchState(_ ws: Workspace) throws -> [String] {
        let rows = try ws.db.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, text FROM utteranceSearch ORDER BY rowid").map { "\($0)" }
                + String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        }
        let hits = try ["jono", "aijala", "oystein", "koen", "kö", "umea", "app*"].flatMap { query in
            try ws.db.searchTranscripts(query: query).map { "\(query): \($0.utterance) \($0.speakerLabel)" }
        }
        return rows + hits
    }

    @Test func theSearchIndexAfterARestoreIsTheSourcesOwn() throws {
        let source = try Self.source()
        let restored = try Workspace()
        let summary = try restored.db.restoreWorkspace { sink in try source.db.exportWorkspace(to: sink) }
        #expect(summary.violations.isEmpty)
        #expect(summary.utterances == 5)
        let before = try Self.searchState(source)
        #expect(before.count > 12, "the fixture finds something")
        #expect(try Self.searchState(restored) == before)
        #expect(try restored.db.read { try Row.fetchAll($0, sql: "SELECT * FROM utterance ORDER BY id") }
                == source.db.read { try Row.fetchAll($0, sql: "SELECT * FROM utterance ORDER BY id") })
        // The triggers are back: a later import indexes as before.
        let count = try restored.db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'utterance_search_%'") }
        #expect(count == 3)
        // So are the table's indexes, set aside for the section, as the schema has them.
        let schema = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'utterance' ORDER BY name"
        #expect(try restored.db.read { try Row.fetchAll($0, sql: schema) } == source.db.read { try Row.fetchAll($0, sql: schema) })
        let indexes = try restored.db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'utterance_on_%'") }
        #expect(indexes == 2)
        #expect(try restored.db.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func utterancesWhoseIdsGoBackAreIndexedToo() throws {
        let source = try Self.source()
        let restored = try Workspace()
        let summary = try restored.db.restoreWorkspace { sink in
            try source.db.exportWorkspace(to: sink)
            // A hand-edited backup: ids out of order, in a second utterances section.
            try sink.begin(.utterances)
            try sink.utterance(Utterance(id: 50, sessionId: 1, sequence: 10, speakerLabel: "Åsa", text: "Köpenhamn ensin"))
            try sink.utterance(Utterance(id: 40, sessionId: 1, sequence: 11, speakerLabel: "Åsa", text: "Sitten Tukholma"))
            try sink.end(.utterances)
        }
        #expect(summary.violations.isEmpty)
        #expect(summary.utterances == 7)
        let state = try restored.db.read { db in
            try [Int.fetchOne(db, sql: "SELECT COUNT(*) FROM utteranceSearch"),
                 Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM utterance u JOIN utteranceSearch s ON s.rowid = u.id WHERE s.text = roundtable_fold(u.text)
                    """),
                 Int.fetchOne(db, sql: "SELECT v FROM utteranceSearch_config WHERE k = 'automerge'"),
                 Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'utterance_search_%'")]
        }
        // Every utterance indexed once under its own id; FTS5 back to merging four segments at a time.
        #expect(state == [7, 7, 4, 3])
        #expect(try restored.db.searchTranscripts(query: "kopenhamn").map(\.utterance) == [EntityKey(.utterance, id: 50)])
        #expect(try restored.db.searchTranscripts(query: "tukholma").map(\.utterance) == [EntityKey(.utterance, id: 40)])
        let check = "INSERT INTO utteranceSearch (utteranceSearch, rank) VALUES ('integrity-check', 1)"
        try restored.db.write { try $0.execute(sql: check) }
    }

    @Test func codingsComeBackAsTheSourceStoredThem() throws {
        let source = try Self.source()
        _ = try source.db.addCode(name: "Queue")
        let utterances = try source.db.read { try Int64.fetchAll($0, sql: "SELECT id FROM utterance ORDER BY id") }
        try source.db.applyCode("Queue", to: EntityKey(.utterance, id: utterances[1]))
        try source.db.applyCode("Queue", to: EntityKey(.utterance, id: utterances[2]), from: 4, to: 9)
        let restored = try Workspace()
        let summary = try restored.db.restoreWorkspace { sink in try source.db.exportWorkspace(to: sink) }
        #expect(summary.violations.isEmpty)
        #expect(summary.codings == 2)
        // Every column, the createdAt text included, as GRDB's record encoding stored it.
        let rows = "SELECT id, codeId, utteranceId, startOffset, endOffset, coder, createdAt, typeof(createdAt), guid, batchId FROM coding ORDER BY id"
        #expect(try restored.db.read { try Row.fetchAll($0, sql: rows) } == source.db.read { try Row.fetchAll($0, sql: rows) })
    }

    @Test func aRestoreWithABrokenUtteranceKeepsTheTriggers() throws {
        let source = try Self.source()
        let restored = try Workspace()
        let summary = try restored.db.restoreWorkspace { sink in
            try source.db.exportWorkspace(to: sink)
            try sink.begin(.utterances)
            try sink.utterance(Utterance(id: 1, sessionId: 1, sequence: 99, speakerLabel: "x", text: "twice"))
            try sink.end(.utterances)
        }
        #expect(summary.violations.map(\.message) == ["utterance U-000001: appears more than once in the backup"])
        let state = try restored.db.read { db in
            try [Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'utterance_search_%'"),
                 Int.fetchOne(db, sql: "SELECT COUNT(*) FROM utterance"),
                 Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'utterance_on_%'")]
        }
        #expect(state == [3, 0, 2])
    }

    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func leftovers(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func aNewWorkspaceAppearsOnlyWhenComplete() throws {
        let source = try Self.source()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/restored.sqlite"
        let summary = try AppDatabase.restoreWorkspace(at: path) { sink in
            #expect(!FileManager.default.fileExists(atPath: path), "nothing at the target while restoring")
            try source.db.exportWorkspace(to: sink)
        }
        #expect(summary.violations.isEmpty && summary.utterances == 5)
        #expect(try Self.leftovers(folder) == ["restored.sqlite"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let reopened = try AppDatabase.open(path: path, creating: false)
        #expect(try reopened.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try reopened.searchTranscripts(query: "aijala").count == 1)
    }

    @Test func aFailedRestoreLeavesNothingBehind() throws {
        let source = try Self.source()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/restored.sqlite"
        // Broken rules: rolled back, nothing linked.
        let summary = try AppDatabase.restoreWorkspace(at: path) { sink in
            try source.db.exportWorkspace(to: sink)
            try sink.moderator(Moderator(id: 1, name: "Twice", email: "twice@example.fi", timeZone: "Europe/Helsinki",
                                         createdAt: Workspace.start))
        }
        #expect(summary.violations.count == 1)
        #expect(try Self.leftovers(folder).isEmpty)
        // An error halfway through the file.
        struct Halfway: Error {}
        #expect(throws: Halfway.self) {
            try AppDatabase.restoreWorkspace(at: path) { sink in
                try source.db.exportWorkspace(to: sink)
                throw Halfway()
            }
        }
        #expect(try Self.leftovers(folder).isEmpty)
    }

    @Test func aWorkspaceCreatedMeanwhileIsKeptAndTheRestoreRefused() throws {
        let source = try Self.source()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/restored.sqlite"
        #expect(throws: RoundtableError.self) {
            try AppDatabase.restoreWorkspace(at: path) { sink in
                try source.db.exportWorkspace(to: sink)
                _ = try AppDatabase.open(path: path)
            }
        }
        #expect(try Self.leftovers(folder).filter { !$0.hasPrefix("restored.sqlite") }.isEmpty)
        let other = try AppDatabase.open(path: path, creating: false)
        #expect(try other.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM utterance") } == 0)
    }
}

import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("REFI import in bulk: turns written on one thread as another cuts them, the search index filled on the way")
struct REFIImportStoreTests {
    static func project(_ name: String, day: Int = 1, sources: [(name: String, lines: Int)]) -> REFIImportProject {
        var project = REFIImportProject(name: name)
        project.codes = [CodebookEntry(path: ["Greeting"], guid: "c0de0000-0000-4000-8000-000000000001")]
        project.cases = [REFIImportCase(name: "Åsa Lindqvist", variables: [])]
        for (index, source) in sources.enumerated() {
            let text = (0..<source.lines).map { "Åsa: Kahvi \(name) \(index) \($0) hyvää" }.joined(separator: "\n")
            var item = REFIImportSource(name: source.name, created: Workspace.instant("2026-11-\(String(format: "%02d", day + index))T09:00:00Z"), text: text)
            item.selections = [REFIImportSelection(start: 5, end: 10, codeGUIDs: ["c0de0000-0000-4000-8000-000000000001"], line: 1)]
            project.sources.append(item)
        }
        return project
    }

    /// Every utterance is in the search index under its id with its folded text, and nothing else is.
    static func expectIndexMatchesUtterances(_ db: AppDatabase) throws {
        try db.read { db in
            let missing = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM utterance u LEFT JOIN utteranceSearch s ON s.rowid = u.id
                WHERE s.text IS NOT roundtable_fold(u.text)
                """)
            let extra = try Int.fetchOne(db, sql: "SELECT count(*) FROM utteranceSearch WHERE rowid NOT IN (SELECT id FROM utterance)")
            #expect(missing == 0 && extra == 0)
        }
    }

    static func triggers(_ db: AppDatabase) throws -> [String] {
        try db.read { try String.fetchAll($0, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name") }
    }

    @Test func anImportIntoAWorkspaceWithTranscriptsIndexesOldAndNewAndPutsTheTriggersBack() throws {
        let workspace = try Workspace()
        let before = try Self.triggers(workspace.db)
        let first = try workspace.db.importREFIProject(Self.project("Alpha", sources: [("One", 3)]), panel: "alpha")
        #expect(first.utterances == 3 && first.codings == 1)
        // Long enough to be indexed on the way (every 4096 turns) and at the end; an empty source in between.
        let second = try workspace.db.importREFIProject(Self.project("Beta", day: 10, sources: [("Two", 5000), ("Empty", 0), ("Three", 4100)]),
                                                        panel: "beta")
        #expect(second.utterances == 9100)
        #expect(second.codings == 2)
        #expect(second.sessions.count == 3)
        #expect(second.warnings.contains { $0.contains("Empty: the text has no lines") })
        #expect(try Self.triggers(workspace.db) == before)
        try Self.expectIndexMatchesUtterances(workspace.db)
        // The triggers work again: a later change to a turn reaches the index.
        try workspace.db.writer.write { db in
            try db.execute(sql: "UPDATE utterance SET text = 'Kaffe tack' WHERE id = 1")
            try db.execute(sql: "DELETE FROM utterance WHERE id = 2")
        }
        try Self.expectIndexMatchesUtterances(workspace.db)
    }

    @Test func aFailureWhileReadingUndoesEverythingAndKeepsTheTriggers() throws {
        let workspace = try Workspace()
        let before = try Self.triggers(workspace.db)
        struct Broken: Error {}
        let project = Self.project("Gamma", sources: [("One", 5000), ("Two", 10)])
        #expect(throws: Broken.self) {
            try workspace.db.importREFIProject(panel: "gamma") { each in
                try each(project, project.sources[0])
                throw Broken()
            }
        }
        #expect(try Self.triggers(workspace.db) == before)
        #expect(try workspace.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM utterance") } == 0)
        #expect(try workspace.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM utteranceSearch") } == 0)
    }
}

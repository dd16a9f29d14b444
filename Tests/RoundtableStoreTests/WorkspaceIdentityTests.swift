import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("Workspace identity: ours, newer, foreign or missing, found before any write")
struct WorkspaceIdentityTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("identity-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func workspace() throws -> String {
        let path = folder + "/ws.sqlite"
        _ = try AppDatabase.open(path: path).addModerator(name: "Aino Virtanen", email: "aino@example.fi",
                                                           timeZone: "Europe/Helsinki")
        return path
    }

    @Test func aNewWorkspaceIsStampedWithItsVersion() throws {
        let path = try workspace()
        let stamp = try DatabaseQueue(path: path).read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
        #expect(stamp.0 == WorkspaceIdentity.applicationID)
        #expect(stamp.1 == Schema.version)
        #expect(Schema.version == Schema.migrator.migrations.count)
        #expect(try WorkspaceIdentity.inspect(path) == .current)
    }

    @Test func theDecisionTable() throws {
        let known = Schema.migrator.migrations
        typealias Facts = WorkspaceIdentity.Facts
        let ours = WorkspaceIdentity.applicationID
        #expect(try WorkspaceIdentity.decide("w", Facts(applicationID: 0, userVersion: 0, tableCount: 0, applied: [])) == .empty)
        #expect(try WorkspaceIdentity.decide("w", Facts(applicationID: 0, userVersion: 0, tableCount: 9, applied: known)) == .current)
        #expect(try WorkspaceIdentity.decide("w", Facts(applicationID: ours, userVersion: 2, tableCount: 9,
                                                        applied: Array(known.prefix(2)))) == .older)
        #expect(throws: RoundtableError.rule("w: not a Roundtable workspace")) {
            try WorkspaceIdentity.decide("w", Facts(applicationID: 0, userVersion: 0, tableCount: 1, applied: []))
        }
        #expect(throws: RoundtableError.rule("w: not a Roundtable workspace")) {
            try WorkspaceIdentity.decide("w", Facts(applicationID: 42, userVersion: 0, tableCount: 9, applied: known))
        }
        #expect(throws: RoundtableError.self) {
            try WorkspaceIdentity.decide("w", Facts(applicationID: ours, userVersion: 999, tableCount: 9, applied: known))
        }
        #expect(throws: RoundtableError.self) {
            try WorkspaceIdentity.decide("w", Facts(applicationID: 0, userVersion: 0, tableCount: 9, applied: known + ["v9 x"]))
        }
    }

    @Test func readingNeverCreatesAndNeverWrites() throws {
        #expect(throws: RoundtableError(.inputMissing, "no workspace at \(folder)/none.sqlite; any command that writes creates one")) {
            try AppDatabase.openForReading(path: folder + "/none.sqlite")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/none.sqlite"))
        let path = try workspace()
        let before = FileManager.default.contents(atPath: path)
        let reader = try AppDatabase.openForReading(path: path)
        #expect(try reader.moderators().count == 1)
        // The connection is read-only: a write is refused by SQLite itself, in plain words.
        let refused = #expect(throws: RoundtableError.self) {
            try reader.addModerator(name: "Mikael Söderström", email: "mikael@example.fi", timeZone: "Europe/Helsinki")
        }
        #expect(refused?.kind == .cannotCreateOutput)
        #expect(refused?.message == "\(path) is read-only: this command writes to the workspace")
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func aWorkspaceThatMustBeCreatedNeedsAnExistingFolder() throws {
        #expect(throws: RoundtableError.self) { try AppDatabase.open(path: folder + "/missing/ws.sqlite") }
        #expect(throws: RoundtableError(.inputMissing, "no workspace at \(folder)/ws.sqlite; any command that writes creates one")) {
            try AppDatabase.open(path: folder + "/ws.sqlite", creating: false)
        }
    }

    @Test func sqliteErrorsBecomePlainTypedErrors() {
        let cases: [(ResultCode, RoundtableError.Kind)] = [
            (.SQLITE_BUSY, .busy), (.SQLITE_NOTADB, .invalidData), (.SQLITE_CORRUPT, .invalidData),
            (.SQLITE_READONLY, .cannotCreateOutput), (.SQLITE_CANTOPEN, .inputMissing), (.SQLITE_FULL, .cannotCreateOutput),
            (.SQLITE_IOERR, .cannotCreateOutput), (.SQLITE_TOOBIG, .invalidData), (.SQLITE_ERROR, .unexpected),
        ]
        for (code, kind) in cases {
            let error = DatabaseFailure.error(for: DatabaseError(resultCode: code, message: "near SELECT: syntax error",
                                                                 sql: "SELECT secret FROM participant"), path: "w.sqlite")
            #expect(error.kind == kind, "\(code)")
            #expect(!error.message.contains("SELECT"), "\(code): \(error.message)")
        }
    }

    @Test func searchesHaveALengthLimitAndNoWildcards() throws {
        let ws = try Workspace()
        try ws.participant("Tuulikki Äijälä", email: "tuulikki@example.fi")
        try ws.participant("100% Oy", email: "sales@example.fi")
        #expect(throws: RoundtableError.self) {
            try ws.db.participants(search: String(repeating: "a", count: 50_000), panel: nil, limit: nil)
        }
        #expect(try ws.db.participants(search: String(repeating: "a", count: 1000), panel: nil, limit: nil).isEmpty)
        #expect(try ws.db.participants(search: "%", panel: nil, limit: nil).map(\.participant.displayName) == ["100% Oy"])
        #expect(try ws.db.participants(search: "aijala", panel: nil, limit: nil).count == 1)
        #expect(try ws.db.participants(search: "TUULIKKI@", panel: nil, limit: nil).count == 1)
        #expect(throws: RoundtableError.self) { try SearchExpression.match(String(repeating: "a", count: 50_000)) }
        #expect(throws: RoundtableError.self) { try SearchExpression.match(Array(repeating: "ab", count: 65).joined(separator: " ")) }
        #expect(try SearchExpression.match(Array(repeating: "ab", count: 64).joined(separator: " ")).count > 0)
    }
}

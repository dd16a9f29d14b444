import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// The audit log records who did what, and the database refuses to edit or delete it.
@Suite("Store: audit log")
struct AuditLogTests {
    static func filledWorkspace() throws -> Workspace {
        let ws = try Workspace()
        try ws.panel("nordic-pool")
        let person = try ws.participant("Äijälä", panel: "nordic-pool")
        let session = try ws.session(moderators: [ws.moderator()], panel: "nordic-pool")
        try ws.invite(session, [person])
        return ws
    }

    static func entries(_ ws: Workspace) throws -> [AuditEntry] {
        try ws.db.read { db in try AuditEntry.order(Column("id")).fetchAll(db) }
    }

    @Test("every write leaves an entry with actor, time and subject")
    func entriesAreWritten() throws {
        let ws = try Self.filledWorkspace()
        let entries = try Self.entries(ws)
        #expect(entries.map(\.action) == [
            "panel.create", "participant.add", "participant.consent", "panel.add-member", "moderator.add",
            "session.schedule", "session.invite",
        ])
        #expect(entries.allSatisfy { $0.actor == "test" && $0.at == Workspace.start })
        #expect(entries.last?.subject == "S-0001")
        #expect(entries.last?.detail == "P-000001")
        #expect(entries[5].detail == "2027-03-28T07:00:00Z Mobile banking")
    }

    @Test("updating an entry is refused by the database", arguments: [
        "UPDATE auditEntry SET actor = 'mallory'",
        "UPDATE auditEntry SET detail = '' WHERE id = 1",
    ])
    func updateRefused(sql: String) throws {
        let ws = try Self.filledWorkspace()
        let before = try Self.entries(ws)
        let error = expectRoundtableError(.invalidData) { try ws.db.write { db in try db.execute(sql: sql) } }
        #expect(error?.message.contains("append-only") == true)
        #expect(try Self.entries(ws) == before)
    }

    @Test("deleting entries is refused by the database", arguments: [
        "DELETE FROM auditEntry",
        "DELETE FROM auditEntry WHERE action = 'session.invite'",
    ])
    func deleteRefused(sql: String) throws {
        let ws = try Self.filledWorkspace()
        let before = try Self.entries(ws)
        let error = expectRoundtableError(.invalidData) { try ws.db.write { db in try db.execute(sql: sql) } }
        #expect(error?.message.contains("append-only") == true)
        #expect(try Self.entries(ws) == before)
    }

    @Test("the raw GRDB writer is refused too, with SQLite's constraint error")
    func rawWriterRefused() throws {
        let ws = try Self.filledWorkspace()
        let count = try Self.entries(ws).count
        #expect(throws: DatabaseError.self) {
            try ws.db.writer.write { db in try db.execute(sql: "DELETE FROM auditEntry") }
        }
        do {
            try ws.db.writer.write { db in try db.execute(sql: "UPDATE auditEntry SET at = at") }
            Issue.record("an UPDATE of the audit log succeeded")
        } catch let error as DatabaseError {
            #expect(error.resultCode == .SQLITE_CONSTRAINT)
            #expect(error.message == "the audit log is append-only")
        }
        #expect(try Self.entries(ws).count == count)
    }

    @Test("appending still works, and a failed write appends nothing")
    func appendOnly() throws {
        let ws = try Self.filledWorkspace()
        let count = try Self.entries(ws).count
        expectRoundtableError(.invalidData) { try ws.db.createPanel(key: "nordic-pool", name: "x", kind: .pool, description: nil) }
        #expect(try Self.entries(ws).count == count)
        ws.clock.set(Workspace.instant("2026-12-24T12:00:00Z"))
        _ = try ws.db.archivePanel("nordic-pool")
        let last = try #require(try Self.entries(ws).last)
        #expect(last.action == "panel.archive")
        #expect(last.subject == "nordic-pool")
        #expect(last.at == Workspace.instant("2026-12-24T12:00:00Z"))
        #expect(last.id == Int64(count + 1))
    }
}

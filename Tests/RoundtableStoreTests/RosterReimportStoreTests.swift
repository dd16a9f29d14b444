import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("A known partner's roster is compared in batches and reports each changed row exactly")
struct RosterReimportStoreTests {
    /// 600 people, more than two lookup batches (256 each).
    static func entries(_ count: Int = 600) -> [RosterEntry] {
        (1...count).map { row in
            RosterEntry(externalId: "K-\(row)", name: "Äijälä \(row)", email: "p\(row)@example.fi", phone: row % 3 == 0 ? nil : "+358 40 \(row)",
                        locale: "fi-FI", timeZone: "Europe/Helsinki", doNotContact: row % 50 == 0,
                        attributes: [NamedValue(name: "row", value: "\(row)"), NamedValue(name: "city", value: "Åbo")],
                        consents: [ConsentRecord(scope: .contact, version: "v1", given: true, at: Workspace.start),
                                   ConsentRecord(scope: .quotes, version: "v2", given: row % 7 != 0, at: Workspace.start)],
                        line: row + 2)
        }
    }

    static func run(_ db: AppDatabase, _ entries: [RosterEntry], panel: String? = "pool") throws -> RosterImportReport {
        try db.importRoster(RosterImportOptions(partner: "nordic", fileName: "r.xml", panel: panel, skipInvalid: true),
                            sha256: { String(repeating: "0", count: 64) }) { deliver in
            for entry in entries { try deliver(.entry(entry)) }
        }
    }

    static func prepared() throws -> Workspace {
        let workspace = try Workspace()
        _ = try workspace.db.createPanel(key: "pool", name: "Pool", kind: .pool, description: nil)
        let first = try run(workspace.db, entries())
        #expect(first.new == 600)
        return workspace
    }

    @Test func anUnchangedRosterIsReportedUnchangedAndMarkedAsSent() throws {
        let workspace = try Self.prepared()
        let report = try Self.run(workspace.db, Self.entries())
        #expect((report.new, report.updated, report.unchanged, report.forgottenSkipped) == (0, 0, 600, 0))
        #expect(report.rejected.isEmpty)
        try workspace.db.writer.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM externalReference WHERE importBatchId = ?",
                                     arguments: [report.batchId]) == 600)
        }
    }

    @Test func eachKindOfChangeIsCountedOnceAndWritten() throws {
        let workspace = try Self.prepared()
        var entries = Self.entries()
        entries[4].email = "changed@example.fi"                                  // updated
        entries[299].name = "A\u{308}ija\u{308}la\u{308} 300"                     // same name, decomposed: unchanged
        entries[300].name = "Äijälä Changed"                                      // updated
        entries[399].attributes[1].value = "Turku"                                // updated
        entries[449].attributes.append(NamedValue(name: "new", value: "x"))      // updated
        entries[499].consents.append(ConsentRecord(scope: .recording, version: "v1", given: true, at: Workspace.start))
        entries[549].doNotContact.toggle()                                        // updated
        entries[550].phone = entries[550].phone == nil ? "+358 1" : nil           // updated
        entries[551].attributes.removeLast()                                      // fewer attributes: unchanged
        entries[589].externalId = "K-3"                                           // a duplicate of row 3, two batches on
        entries[590].externalId = "K-NEW"                                         // new
        let forgotten = try workspace.db.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT participantId FROM externalReference WHERE externalId = 'K-20'")!
        }
        _ = try workspace.db.forgetParticipant(EntityKey(.participant, id: forgotten))
        let report = try Self.run(workspace.db, entries)
        #expect(report.new == 1)
        #expect(report.updated == 7)
        #expect(report.forgottenSkipped == 1)
        #expect(report.unchanged == 600 - 2 - 7 - 1)
        #expect(report.rejected.map(\.line) == [592])
        try workspace.db.writer.read { (db: Database) throws in
            #expect(try String.fetchOne(db, sql: "SELECT email FROM participant WHERE displayName = 'Äijälä 5'") == "changed@example.fi")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participant WHERE displayName = 'Äijälä Changed'") == 1)
            #expect(try String.fetchOne(db, sql: """
                SELECT value FROM participantAttribute WHERE name = 'city'
                  AND participantId = (SELECT participantId FROM externalReference WHERE externalId = 'K-400')
                """) == "Turku")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consent WHERE scope = 'recording'") == 1)
        }
    }

    /// Someone who left the panel is an update when the roster brings them back to it.
    @Test func aPausedMemberIsAnUpdate() throws {
        let workspace = try Self.prepared()
        try workspace.db.writer.write { db in
            try db.execute(sql: """
                UPDATE membership SET status = 'paused' WHERE participantId =
                  (SELECT participantId FROM externalReference WHERE externalId = 'K-7')
                """)
        }
        let withPanel = try Self.run(workspace.db, Self.entries())
        #expect((withPanel.updated, withPanel.unchanged) == (1, 599))
        let withoutPanel = try Self.run(workspace.db, Self.entries(), panel: nil)
        #expect((withoutPanel.updated, withoutPanel.unchanged) == (0, 600))
    }

    /// What the batched comparison answers is what applying the row one by one answers: each row
    /// changed alone, re-imported, is one update, and a second re-import finds it unchanged.
    @Test func aChangedRowIsUnchangedTheNextTime() throws {
        let workspace = try Self.prepared()
        var entries = Self.entries()
        entries[257].attributes[0].value = "moved"
        #expect(try Self.run(workspace.db, entries).updated == 1)
        let again = try Self.run(workspace.db, entries)
        #expect((again.updated, again.unchanged) == (0, 600))
    }
}

import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("A new partner's roster is written in batches and still lands exactly")
struct RosterImportStoreTests {
    /// 150 people from a partner never seen before: three batches (64, 64, 22). Row 100 repeats
    /// row 10's id (an earlier batch) and row 140 repeats row 139's (the same batch).
    static func entries() -> [RosterEntry] {
        (1...150).map { row in
            let id = row == 100 ? "X-10" : row == 140 ? "X-139" : "X-\(row)"
            return RosterEntry(externalId: id, name: "Person \(row)", email: "p\(row)@example.fi",
                               attributes: [NamedValue(name: "row", value: "\(row)"), NamedValue(name: "city", value: "Åbo")],
                               consents: [ConsentRecord(scope: .contact, version: "v1", given: true, at: Workspace.start)],
                               line: row + 2)
        }
    }

    static func importEntries(_ db: AppDatabase, panel: String?, skipInvalid: Bool) throws -> RosterImportReport {
        try db.importRoster(RosterImportOptions(partner: "nordic", fileName: "r.xml", panel: panel, skipInvalid: skipInvalid),
                            sha256: { String(repeating: "0", count: 64) }) { deliver in
            for entry in entries() { try deliver(.entry(entry)) }
        }
    }

    @Test func duplicatesAcrossAndWithinBatchesAreRejectedAndLeaveNoTrace() throws {
        let workspace = try Workspace()
        _ = try workspace.db.createPanel(key: "pool", name: "Pool", kind: .pool, description: nil)
        let report = try Self.importEntries(workspace.db, panel: "pool", skipInvalid: true)
        #expect(report.new == 148)
        #expect(report.rejected.map(\.line) == [102, 142])
        #expect(report.rejected.first?.message == "partner id 'X-10' appears earlier in this file")
        try Self.expectEveryoneButTheDuplicates(workspace)
    }

    /// The partner ids of a new partner go in sorted runs; with runs shorter than a batch, row 100's
    /// duplicate is caught across runs and row 140's within one.
    @Test func partnerIdsWrittenInShortRunsStillCatchEveryDuplicate() throws {
        let workspace = try Workspace()
        let panel = try workspace.db.createPanel(key: "pool", name: "Pool", kind: .pool, description: nil)
        var outcomes: [Int: RosterUpsert.Outcome] = [:]
        try workspace.db.writer.write { db in
            var batch = ImportBatch(partner: "nordic", fileName: "r.xml", sha256: "", importedAt: Workspace.start)
            try batch.insert(db)
            let upsert = try RosterUpsert(db: db, partner: "nordic", batchId: batch.id!, panelId: panel.id,
                                          now: Workspace.start, referenceRun: 40)
            let report: RosterUpsert.Report = { line, _, outcome in outcomes[line] = outcome }
            for entry in Self.entries() { try upsert.apply(entry, report: report) }
            try upsert.finish(report: report)
        }
        #expect(outcomes.count == 150)
        #expect(outcomes.filter { $0.value == .duplicate }.keys.sorted() == [102, 142])
        try Self.expectEveryoneButTheDuplicates(workspace)
    }

    /// 148 people, each with the reference, attributes, consent and membership of their own row.
    static func expectEveryoneButTheDuplicates(_ workspace: Workspace) throws {
        try workspace.db.writer.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participant") == 148)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM externalReference") == 148)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participantAttribute") == 296)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consent") == 148)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM membership WHERE status = 'active'") == 148)
            // Each reference points at the person of the row it came from, not at a neighbour.
            let mismatched = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM externalReference r JOIN participant p ON p.id = r.participantId
                JOIN participantAttribute a ON a.participantId = p.id AND a.name = 'row'
                WHERE p.displayName != 'Person ' || a.value OR r.externalId NOT IN ('X-' || a.value)
                """)
            #expect(mismatched == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participant WHERE id NOT IN (SELECT participantId FROM externalReference)") == 0)
        }
    }

    @Test func aRejectedBatchImportWritesNothing() throws {
        let workspace = try Workspace()
        let report = try Self.importEntries(workspace.db, panel: nil, skipInvalid: false)
        #expect(!report.committed)
        #expect(report.new == 148)
        try workspace.db.writer.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participant") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM importBatch") == 0)
        }
    }
}

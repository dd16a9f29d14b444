import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Imports a partner roster in one transaction: rows are upserted by (partner, partner's id), and
    /// the import lands whole or not at all. `rows` feeds the rows (it streams them from the file);
    /// `sha256` is asked for once the rows are read.
    public func importRoster(_ options: RosterImportOptions, sha256: () throws -> String,
                             rows: ((RosterItem) throws -> Void) throws -> Void) throws -> RosterImportReport {
        let partner = options.partner.trimmingCharacters(in: .whitespaces)
        guard !partner.isEmpty else { throw RoundtableError.usage("--partner must name the partner agency") }
        // Every row points at the batch, the panel or the person this transaction has just inserted
        // or looked up, so the per-row foreign-key lookups are left out of a million-row load.
        return try write(keepingIf: \.committed, checkingForeignKeys: false) { db in
            var panelId: Int64?
            if let key = options.panel {
                let panel = try Lookup.panel(db, key)
                guard !panel.isArchived else { throw RoundtableError.rule("panel \(key) is archived and takes no new members") }
                panelId = panel.id
            }
            let now = clock()
            var batch = ImportBatch(partner: partner, fileName: options.fileName, sha256: "", importedAt: now)
            try batch.insert(db)
            let upsert = try RosterUpsert(db: db, partner: partner, batchId: batch.id!, panelId: panelId, now: now)
            // A larger page cache keeps the growing tables' newest pages in memory. A new partner's ids
            // go in sorted runs (ReferenceRuns), so no B-tree needs caching whole: at 300k long ids, 2 MiB
            // with runs of 8,192 took the same CPU time as 12 MiB with runs of 32,768 (14.7-15.5 s), and
            // peak RSS fell from 65 to 46 MB. A re-import reads the stored people and keeps 12 MiB.
            try db.execute(sql: "PRAGMA cache_size = \(upsert.partnerIsNew ? -2048 : -12288)")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            var report = RosterImportReport()
            let record: RosterUpsert.Report = { line, externalId, outcome in
                switch outcome {
                case .new: report.new += 1
                case .updated: report.updated += 1
                case .unchanged: report.unchanged += 1
                case .forgotten: report.forgottenSkipped += 1
                case .duplicate:
                    report.rejected.append(RejectedRow(
                        line: line, message: "partner id '\(externalId)' appears earlier in this file"))
                }
            }
            try rows { item in
                switch item {
                case .rejected(let line, let message):
                    report.rejected.append(RejectedRow(line: line, message: message))
                case .entry(let entry):
                    if let problem = Self.futureConsent(entry, now: now) {
                        report.rejected.append(RejectedRow(line: entry.line, message: problem))
                    } else {
                        try upsert.apply(entry, report: record)
                    }
                }
            }
            try upsert.finish(report: record)
            report.possibleDuplicates = try upsert.possibleDuplicates()
            // A new partner's ids are written in sorted runs, so duplicates are heard of out of file order.
            report.rejected.sort { $0.line < $1.line }
            batch.sha256 = try sha256()
            batch.newCount = report.new
            batch.updatedCount = report.updated
            batch.unchangedCount = report.unchanged + report.forgottenSkipped
            batch.rejectedCount = report.rejected.count
            try batch.update(db)
            try audit(db, "import.roster", partner,
                      "\(options.fileName): \(report.new) new, \(report.updated) updated, \(batch.unchangedCount) unchanged, "
                          + "\(report.rejected.count) rejected")
            report.committed = !options.dryRun && (report.rejected.isEmpty || options.skipInvalid)
            report.batchId = report.committed ? batch.id : nil
            return report
        }
    }

    /// Why a row's consents cannot be taken: one dated after now would outrank every real decision.
    private static func futureConsent(_ entry: RosterEntry, now: Date) -> String? {
        for consent in entry.consents {
            do {
                try ConsentRules.checkRecorded(consent, now: now)
            } catch {
                return (error as? RoundtableError)?.message ?? "\(error)"
            }
        }
        return nil
    }
}

import Foundation
import GRDB
import RoundtableCore

extension CodingBatch: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AppDatabase {
    /// Applies `code` to every utterance that `query` finds (the search `transcript search` does),
    /// narrowed by `scope`, as one batch in one transaction: the matched words (joined where they
    /// stand together) or, with `scope.wholeUtterance`, each utterance whole. Matches the code
    /// already covers are skipped and counted. `coder` defaults to the workspace actor. A dry run
    /// only reads. No batch is recorded when nothing new is coded.
    public func applyCode(_ code: String, search query: String, scope: BatchScope = BatchScope(),
                          coder: String? = nil, dryRun: Bool = false) throws -> CodingBatchResult {
        let expression = try SearchExpression.match(query)
        _ = try TextRules.text(query, what: "the search")
        let coder = try coder.map { try TextRules.token($0, what: "the coder") } ?? actor
        let plan = { (db: Database) throws -> (CodingBatchResult, Code) in
            let codebook = try Codebook(db)
            let found = try codebook.resolve(code)
            let codings = try Self.plannedCodings(db, codeId: found.id!, coder: coder, expression: expression,
                                                  words: SearchQuery(query), scope: scope)
            return (CodingBatchResult(batch: nil, codePath: codebook.path(of: found), query: query, scope: scope,
                                      codings: codings), found)
        }
        if dryRun { return try read { db in try plan(db).0 } }
        return try write { db in
            var (result, found) = try plan(db)
            guard result.applied > 0 else { return result }
            var batch = CodingBatch(codeId: found.id!, query: query, scope: scope.description, coder: coder, createdAt: clock())
            try batch.insert(db)
            for planned in result.codings where !planned.alreadyCoded {
                var coding = Coding(codeId: found.id!, target: .utterance(planned.utterance.id),
                                    span: planned.isWholeText ? nil : planned.span, coder: coder, createdAt: clock(),
                                    batchId: batch.id)
                try coding.insert(db)
            }
            result.batch = batch.id
            // Not the search itself: it may hold a name, and the audit log is append-only.
            try audit(db, "code.apply-batch", "batch \(batch.id!)", "\(result.codePath): \(result.applied) codings in "
                      + "\(result.utterances) utterances, \(scope.description)"
                      + (coder == actor ? "" : ", coder \(coder)"))
            return result
        }
    }

    /// Takes back batch `number`: deletes those of its codings that are still there, and the batch.
    public func unapplyBatch(_ number: Int64) throws -> CodingBatchRemoval {
        try write { db in
            guard let batch = try CodingBatch.fetchOne(db, key: number) else {
                throw RoundtableError.notFound("coding batch", "\(number)")
            }
            let codebook = try Codebook(db)
            let path = codebook.code(batch.codeId).map(codebook.path(of:)) ?? "?"
            let removed = try Coding.filter(Column("batchId") == number).deleteAll(db)
            _ = try batch.delete(db)
            try audit(db, "code.unapply-batch", "batch \(number)", "\(path): \(removed) codings removed")
            return CodingBatchRemoval(batch: batch, codePath: path, removed: removed)
        }
    }

    /// Every batch, oldest first, with how many of its codings are left.
    public func codingBatches() throws -> [CodingBatchSummary] {
        try read { db in
            let codebook = try Codebook(db)
            let left = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT batchId, COUNT(*) AS n FROM coding WHERE batchId IS NOT NULL GROUP BY batchId
                """).map { ($0["batchId"] as Int64, $0["n"] as Int) })
            return try CodingBatch.order(Column("id")).fetchAll(db).map { batch in
                CodingBatchSummary(batch: batch, codePath: codebook.code(batch.codeId).map(codebook.path(of:)) ?? "?",
                                   codingsLeft: left[batch.id!] ?? 0)
            }
        }
    }

    /// The codings a batch search would make, in transcript order, each marked when `coder`
    /// already has it (another coder's identical coding is what agreement compares, not a duplicate).
    private static func plannedCodings(_ db: Database, codeId: Int64, coder: String, expression: String, words: SearchQuery,
                                       scope: BatchScope) throws -> [PlannedCoding] {
        var conditions = ["utteranceSearch MATCH ?"]
        var arguments: StatementArguments = [expression]
        if let session = scope.session {
            _ = try Lookup.session(db, session)
            conditions.append("u.sessionId = ?")
            arguments += [session.id]
        }
        if let speaker = scope.speaker {
            if speaker.entity == .participant {
                _ = try Lookup.participant(db, speaker)
                conditions.append("u.participantId = ?")
            } else {
                _ = try Lookup.moderator(db, speaker)
                conditions.append("u.moderatorId = ?")
            }
            arguments += [speaker.id]
        }
        let utterances = try Utterance.fetchAll(db, sql: """
            SELECT u.* FROM utteranceSearch
            JOIN utterance u ON u.id = utteranceSearch.rowid
            JOIN session s ON s.id = u.sessionId
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY s.startsAt, s.id, u.sequence
            """, arguments: arguments)
        var existing: [Int64: [TextSpan?]] = [:]
        for coding in try Coding.filter(Column("codeId") == codeId && Column("utteranceId") != nil && Column("coder") == coder)
            .fetchAll(db) {
            existing[coding.utteranceId!, default: []].append(coding.span)
        }
        var planned: [PlannedCoding] = []
        for utterance in utterances {
            let whole = TextSpan(start: 0, end: utterance.scalarCount)
            let spans = scope.wholeUtterance ? [whole] : words.spans(in: utterance.text)
            let there = Set((existing[utterance.id!] ?? []).map { $0 ?? whole })
            for span in spans {
                planned.append(PlannedCoding(utterance: utterance.key, span: span, isWholeText: scope.wholeUtterance,
                                             text: span.text(in: utterance.text), alreadyCoded: there.contains(span)))
            }
        }
        return planned
    }
}

import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// The codes applied to the most utterances and notes of a session, at most `limit`, each with
    /// the covered text of its longest coding on an utterance as a quote. An utterance two coders
    /// (or one coder twice) coded with the same code counts once.
    public func topCodes(session: EntityKey, limit: Int) throws -> [TopCode] {
        guard limit >= 1 else { throw RoundtableError.usage("the number of top codes must be at least 1, not \(limit)") }
        return try read { db in
            _ = try Lookup.session(db, session)
            return try Self.topCodes(db, session: session.id, limit: limit)
        }
    }

    /// `topCodes` inside a read already open, for reports that gather more in the same snapshot.
    ///
    /// Quotes skip speakers who were forgotten or whose latest `quotes` consent is withdrawn.
    /// Among quotable codings the longest wins; ties go to the earlier utterance, then the earlier span.
    static func topCodes(_ db: Database, session: Int64, limit: Int) throws -> [TopCode] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT coding.*, u.text AS utteranceText, u.sequence, u.speakerLabel, u.participantId AS speakerId
            FROM coding
            LEFT JOIN utterance u ON u.id = coding.utteranceId
            LEFT JOIN note n ON n.id = coding.noteId
            WHERE u.sessionId = ?1 OR n.sessionId = ?1
            """, arguments: [session])
        let unquotable = try Self.unquotableSpeakers(db, rows.compactMap { $0["speakerId"] as Int64? })
        var counts: [Int64: Int] = [:]
        var coded = Set<CodedTarget>()
        var best: [Int64: (length: Int, sequence: Int, start: Int, quote: CodeQuote)] = [:]
        for row in rows {
            let coding = try Coding(row: row)
            if coded.insert(CodedTarget(codeId: coding.codeId, target: coding.target)).inserted {
                counts[coding.codeId, default: 0] += 1
            }
            guard let utteranceId = coding.utteranceId, let text: String = row["utteranceText"] else { continue }
            if let speaker: Int64 = row["speakerId"], unquotable.contains(speaker) { continue }
            let span = coding.span ?? TextSpan(start: 0, end: text.unicodeScalars.count)
            let candidate = (length: span.length, sequence: row["sequence"] as Int, start: span.start,
                             quote: CodeQuote(utterance: EntityKey(.utterance, id: utteranceId), speaker: row["speakerLabel"],
                                              text: span.text(in: text)))
            if let current = best[coding.codeId],
               (-current.length, current.sequence, current.start) <= (-candidate.length, candidate.sequence, candidate.start) {
                continue
            }
            best[coding.codeId] = candidate
        }
        let codebook = try Codebook(db)
        let ranked = counts.compactMap { id, count -> TopCode? in
            guard let code = codebook.code(id) else { return nil }
            return TopCode(code: code, path: codebook.path(of: code), codings: count, quote: best[id]?.quote)
        }
        return Array(ranked.sorted { ($1.codings, $0.path) < ($0.codings, $1.path) }.prefix(limit))
    }

    /// Of `ids`, the participants whose words may not be quoted: forgotten, or quotes consent withdrawn.
    static func unquotableSpeakers(_ db: Database, _ ids: [Int64]) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return Set(try Int64.fetchAll(db, sql: """
            SELECT p.id FROM participant p
            WHERE p.id IN (SELECT value FROM json_each(?))
              AND (p.erasedAt IS NOT NULL
                   OR (SELECT c.given FROM consent c
                       WHERE c.id = \(ConsentInForce.id(participant: "p.id", scope: "'quotes'"))) = 0)
            """, arguments: [JSONList.encode(Array(Set(ids)))]))
    }
}

/// A code on one utterance or note, whoever coded it and however often.
private struct CodedTarget: Hashable {
    var codeId: Int64
    var target: CodingTarget
}

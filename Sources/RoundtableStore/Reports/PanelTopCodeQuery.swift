import Foundation
import GRDB
import RoundtableCore

/// The codes applied most often to a set of sessions' utterances, with quotes from those who allowed them.
enum PanelTopCodeQuery {
    /// At most `limit` codes by how often they were applied (ties by path), each with up to
    /// `quotes` quotes: the longest covered texts, one an utterance, from participants whose
    /// `quotes` consent in force is given and who were not forgotten. Codings on utterances of other
    /// participants are counted as withheld; moderators' and observers' words are never quoted.
    static func topCodes(_ db: Database, sessions ids: String, limit: Int, quotes: Int) throws -> [PanelTopCode] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT coding.*, u.text AS utteranceText, u.sequence, u.sessionId AS utteranceSession,
                   u.speakerLabel, u.participantId AS speakerId
            FROM coding JOIN utterance u ON u.id = coding.utteranceId
            WHERE u.sessionId IN (SELECT value FROM json_each(?))
            """, arguments: [ids])
        let quotable = try quotableSpeakers(db, rows.compactMap { $0["speakerId"] as Int64? })
        var counts: [Int64: Int] = [:]
        var withheld: [Int64: Int] = [:]
        var candidates: [Int64: [(length: Int, session: Int64, sequence: Int, start: Int, quote: CodeQuote)]] = [:]
        for row in rows {
            let coding = try Coding(row: row)
            counts[coding.codeId, default: 0] += 1
            guard let speaker: Int64 = row["speakerId"] else { continue }
            guard quotable.contains(speaker) else {
                withheld[coding.codeId, default: 0] += 1
                continue
            }
            let text: String = row["utteranceText"]
            let span = coding.span ?? TextSpan(start: 0, end: text.unicodeScalars.count)
            candidates[coding.codeId, default: []].append((
                span.length, row["utteranceSession"], row["sequence"], span.start,
                CodeQuote(utterance: EntityKey(.utterance, id: coding.utteranceId!), speaker: row["speakerLabel"],
                          text: span.text(in: text))))
        }
        let codebook = try Codebook(db)
        let ranked = counts.compactMap { id, count -> PanelTopCode? in
            guard let code = codebook.code(id) else { return nil }
            // Longest first; ties to the earlier session, utterance and span. One quote an utterance.
            let sorted = (candidates[id] ?? []).sorted {
                (-$0.length, $0.session, $0.sequence, $0.start) < (-$1.length, $1.session, $1.sequence, $1.start)
            }
            var seen: Set<EntityKey> = []
            let chosen = sorted.filter { seen.insert($0.quote.utterance).inserted }.prefix(quotes).map(\.quote)
            return PanelTopCode(path: codebook.path(of: code), codings: count, quotes: Array(chosen), withheld: withheld[id] ?? 0)
        }
        return Array(ranked.sorted { ($1.codings, $0.path) < ($0.codings, $1.path) }.prefix(limit))
    }

    /// Of `ids`, the participants who may be quoted: not forgotten, with `quotes` consent given in force.
    static func quotableSpeakers(_ db: Database, _ ids: [Int64]) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return Set(try Int64.fetchAll(db, sql: """
            SELECT p.id FROM participant p
            WHERE p.id IN (SELECT value FROM json_each(?))
              AND p.erasedAt IS NULL
              AND (SELECT c.given FROM consent c
                   WHERE c.id = \(ConsentInForce.id(participant: "p.id", scope: "'quotes'"))) = 1
            """, arguments: [JSONList.encode(Array(Set(ids)))]))
    }
}

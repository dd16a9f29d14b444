import Foundation
import GRDB
import RoundtableCore

/// The order `searchTranscripts` gives its hits in.
public enum TranscriptSearchOrder: String, Sendable, CaseIterable {
    /// Best matches (FTS5 bm25) first, then by session start and order in the session.
    case relevance
    /// Newest sessions first (by start, latest first), and in each session in the order spoken.
    case recent
}

extension AppDatabase {
    /// Finds utterances containing every word of `query` (diacritics and case do not matter; a
    /// trailing `*` searches by prefix), optionally only in one session or in a panel's sessions,
    /// in the `order` asked for.
    public func searchTranscripts(query: String, session: EntityKey? = nil, panel: String? = nil,
                                  limit: Int? = nil, order: TranscriptSearchOrder = .relevance) throws -> [TranscriptHit] {
        let expression = try SearchExpression.match(query)
        let terms = UnicodeText.composed(query).split(whereSeparator: \.isWhitespace).map { SearchSnippet.Term(typed: String($0)) }
        if let limit, limit < 1 { throw RoundtableError.usage("--limit must be at least 1") }
        return try read { db in
            let sessionId = try session.map { try Lookup.session(db, $0).id! }
            let panelId = try panel.map { try Lookup.panel(db, $0).id! }
            let rows: [Row]
            switch order {
            case .relevance:
                rows = try Self.rankedMatches(db, expression: expression, sessionId: sessionId, panelId: panelId, limit: limit)
            case .recent:
                rows = try RecentMatches(db, expression: expression).fetch(sessionId: sessionId, panelId: panelId,
                                                                           limit: limit ?? .max)
            }
            return try rows.map { row in
                let utterance = try Utterance(row: row)
                return TranscriptHit(session: EntityKey(.session, id: utterance.sessionId), sessionTitle: row["sessionTitle"],
                                     sessionStart: row["sessionStart"], utterance: utterance.key, startMs: utterance.startMs,
                                     speakerLabel: utterance.speakerLabel, speakerKey: utterance.speakerKey,
                                     snippet: SearchSnippet.make(utterance.text, terms: terms))
            }
        }
    }

    /// Every match ranked by FTS5 (bm25), ties by session start and order in the session.
    private static func rankedMatches(_ db: Database, expression: String, sessionId: Int64?, panelId: Int64?,
                                      limit: Int?) throws -> [Row] {
        var conditions = ["utteranceSearch MATCH ?"]
        var arguments: StatementArguments = [expression]
        if let sessionId {
            conditions.append("u.sessionId = ?")
            arguments += [sessionId]
        }
        if let panelId {
            conditions.append("s.panelId = ?")
            arguments += [panelId]
        }
        arguments += [limit ?? -1]
        return try Row.fetchAll(db, sql: """
            SELECT u.*, s.title AS sessionTitle, s.startsAt AS sessionStart
            FROM utteranceSearch
            JOIN utterance u ON u.id = utteranceSearch.rowid
            JOIN session s ON s.id = u.sessionId
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY bm25(utteranceSearch), s.startsAt, s.id, u.sequence
            LIMIT ?
            """, arguments: arguments)
    }
}

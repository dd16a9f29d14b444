import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Finds utterances containing every word of `query` (diacritics and case do not matter; a
    /// trailing `*` searches by prefix), optionally only in one session or in a panel's sessions.
    /// Best matches (FTS5 bm25) first, then by session start and order in the session.
    public func searchTranscripts(query: String, session: EntityKey? = nil, panel: String? = nil,
                                  limit: Int? = nil) throws -> [TranscriptHit] {
        let expression = try SearchExpression.match(query)
        let terms = UnicodeText.composed(query).split(whereSeparator: \.isWhitespace).map { SearchSnippet.Term(typed: String($0)) }
        if let limit, limit < 1 { throw RoundtableError.usage("--limit must be at least 1") }
        return try read { db in
            var conditions = ["utteranceSearch MATCH ?"]
            var arguments: StatementArguments = [expression]
            if let session {
                _ = try Lookup.session(db, session)
                conditions.append("u.sessionId = ?")
                arguments += [session.id]
            }
            if let panel {
                conditions.append("s.panelId = ?")
                arguments += [try Lookup.panel(db, panel).id]
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
                """, arguments: arguments).map { row in
                let utterance = try Utterance(row: row)
                return TranscriptHit(session: EntityKey(.session, id: utterance.sessionId), sessionTitle: row["sessionTitle"],
                                     sessionStart: row["sessionStart"], utterance: utterance.key, startMs: utterance.startMs,
                                     speakerLabel: utterance.speakerLabel, speakerKey: utterance.speakerKey,
                                     snippet: SearchSnippet.make(utterance.text, terms: terms))
            }
        }
    }
}

import Foundation
import GRDB

/// The matches of a transcript search, newest sessions first and in the order spoken, found
/// without ranking or sorting every match: the cost follows the limit, not how often the words occur.
///
/// The index lists a word's utterances in rowid order very cheaply (tens of nanoseconds each); what
/// costs is looking each one up in `utterance` to learn its session and place, so that is done
/// only for few matches:
/// - when the words match at most `fewMatches` utterances in all (counted with a bound), those are
///   looked up and sorted;
/// - otherwise the sessions are walked by start, latest first (ties: the later created first), and in
///   each, its utterances in order, a chunk at a time (growing), are checked against the index's
///   matches within the chunk's rowid range, until the limit is reached. Any layout of rowids is
///   right, and the usual one (a session's rowids rising with its order) makes each chunk one
///   short range of the index.
struct RecentMatches {
    let db: Database
    let expression: String

    /// Up to this many matches in all are sorted; more are walked session by session.
    let fewMatches: Int

    init(_ db: Database, expression: String, fewMatches: Int = 10_000) {
        self.db = db
        self.expression = expression
        self.fewMatches = fewMatches
    }

    /// At most `limit` matching utterance rows (with `sessionTitle` and `sessionStart`), in order.
    func fetch(sessionId: Int64?, panelId: Int64?, limit: Int) throws -> [Row] {
        let (filter, arguments) = Self.sessionFilter(sessionId: sessionId, panelId: panelId)
        let bounded = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT rowid FROM utteranceSearch WHERE utteranceSearch MATCH ? LIMIT ?)
            """, arguments: [expression, fewMatches + 1]) ?? 0
        if bounded <= fewMatches {
            return try Row.fetchAll(db, sql: """
                SELECT u.*, s.title AS sessionTitle, s.startsAt AS sessionStart
                FROM utteranceSearch
                CROSS JOIN utterance u ON u.id = utteranceSearch.rowid
                CROSS JOIN session s ON s.id = u.sessionId
                WHERE utteranceSearch MATCH ?\(filter.isEmpty ? "" : " AND " + filter)
                ORDER BY s.startsAt DESC, s.id DESC, u.sequence
                LIMIT ?
                """, arguments: [expression] + arguments + [limit])
        }
        let sessions = try Int64.fetchAll(db, sql: """
            SELECT s.id FROM session s WHERE \(filter.isEmpty ? "1" : filter) ORDER BY s.startsAt DESC, s.id DESC
            """, arguments: arguments)
        var ids: [Int64] = []
        for session in sessions where ids.count < limit {
            ids += try matches(in: session, limit: limit - ids.count)
        }
        return try rows(ids)
    }

    /// The SQL condition on `session s` for the filters given, and its arguments.
    private static func sessionFilter(sessionId: Int64?, panelId: Int64?) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let sessionId {
            conditions.append("s.id = ?")
            arguments += [sessionId]
        }
        if let panelId {
            conditions.append("s.panelId = ?")
            arguments += [panelId]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// The ids of the first `limit` matches of one session, in order.
    private func matches(in session: Int64, limit: Int) throws -> [Int64] {
        var found: [Int64] = []
        var chunk = max(256, min(limit, 1 << 16) * 4)
        let walk = try Int64.fetchCursor(db, sql: "SELECT id FROM utterance WHERE sessionId = ? ORDER BY sequence",
                                         arguments: [session])
        var ids: [Int64] = []
        ids.reserveCapacity(chunk)
        while found.count < limit {
            ids.removeAll(keepingCapacity: true)
            while ids.count < chunk, let id = try walk.next() { ids.append(id) }
            guard let low = ids.min(), let high = ids.max() else { break }
            let matching = Set(try Int64.fetchAll(db, sql: """
                SELECT rowid FROM utteranceSearch WHERE utteranceSearch MATCH ? AND rowid BETWEEN ? AND ?
                """, arguments: [expression, low, high]))
            for id in ids where matching.contains(id) {
                found.append(id)
                if found.count == limit { break }
            }
            // Rare here: read on in larger steps, so a long session costs few index ranges.
            chunk = min(chunk * 2, 1 << 16)
        }
        return found
    }

    /// The rows of `ids`, in that order, looked up 500 at a time (SQLite's limit on arguments).
    private func rows(_ ids: [Int64]) throws -> [Row] {
        var byId: [Int64: Row] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = Array(ids[start..<min(start + 500, ids.count)])
            for row in try Row.fetchAll(db, sql: """
                SELECT u.*, s.title AS sessionTitle, s.startsAt AS sessionStart
                FROM utterance u JOIN session s ON s.id = u.sessionId
                WHERE u.id IN (\(databaseQuestionMarks(count: batch.count)))
                """, arguments: StatementArguments(batch)) {
                byId[row["id"]] = row
            }
        }
        return ids.compactMap { byId[$0] }
    }
}

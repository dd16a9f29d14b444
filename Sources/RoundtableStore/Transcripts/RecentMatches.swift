import Foundation
import GRDB

/// The matches of a transcript search, newest sessions first and in the order spoken, found
/// without ranking or sorting every match: its cost follows the limit, not how often the words occur.
///
/// Sessions are walked by start, latest first (ties: the later created first). In each, the first
/// utterances in order are read a window at a time and each is looked up in the index by its
/// rowid, which is cheap while matches are common; when a window of `probeWindow(for:)` utterances
/// does not fill the limit, the words are rare in that session, and its matches are instead taken
/// from the index within the session's rowid range and sorted, which is cheap because they are few.
struct RecentMatches {
    let db: Database
    let expression: String

    init(_ db: Database, expression: String) {
        self.db = db
        self.expression = expression
    }

    /// At most `limit` matching utterance rows (with `sessionTitle` and `sessionStart`), in order.
    func fetch(sessionId: Int64?, panelId: Int64?, limit: Int) throws -> [Row] {
        var rows: [Row] = []
        for session in try sessions(sessionId: sessionId, panelId: panelId) {
            let wanted = limit - rows.count
            guard wanted > 0 else { break }
            rows += try matches(in: session, limit: wanted)
        }
        return rows
    }

    /// The sessions that have a transcript, newest first.
    private func sessions(sessionId: Int64?, panelId: Int64?) throws -> [Int64] {
        var conditions = ["EXISTS (SELECT 1 FROM utterance u WHERE u.sessionId = s.id)"]
        var arguments: StatementArguments = []
        if let sessionId {
            conditions.append("s.id = ?")
            arguments += [sessionId]
        }
        if let panelId {
            conditions.append("s.panelId = ?")
            arguments += [panelId]
        }
        return try Int64.fetchAll(db, sql: """
            SELECT s.id FROM session s WHERE \(conditions.joined(separator: " AND ")) ORDER BY s.startsAt DESC, s.id DESC
            """, arguments: arguments)
    }

    /// How many utterances in order are probed one by one before the words count as rare in a session.
    static func probeWindow(for wanted: Int) -> Int {
        min(max(256, wanted.multipliedReportingOverflow(by: 32).overflow ? .max : wanted * 32), 1 << 20)
    }

    /// The first `limit` matches of one session in order.
    private func matches(in session: Int64, limit: Int) throws -> [Row] {
        let window = Self.probeWindow(for: limit)
        // CROSS JOIN keeps the walk of the session's (sessionId, sequence) index outside, so the
        // index is asked about one rowid at a time, in order, and the walk stops at the limit.
        let probed = try Row.fetchAll(db, sql: """
            SELECT u.*, s.title AS sessionTitle, s.startsAt AS sessionStart
            FROM (SELECT id, sequence FROM utterance WHERE sessionId = ? ORDER BY sequence LIMIT ?) AS w
            CROSS JOIN utteranceSearch ON utteranceSearch.rowid = w.id
            CROSS JOIN utterance u ON u.id = w.id
            CROSS JOIN session s ON s.id = u.sessionId
            WHERE utteranceSearch MATCH ?
            ORDER BY w.sequence
            LIMIT ?
            """, arguments: [session, window, expression, limit])
        if probed.count == limit { return probed }
        // Fewer than asked for in the window: either the session is no longer than it, and these are
        // all its matches, or the words are rare here and the index lists them faster.
        guard let range = try Row.fetchOne(db, sql: """
            SELECT count(*) AS n, min(id) AS low, max(id) AS high FROM utterance WHERE sessionId = ?
            """, arguments: [session]), let low: Int64 = range["low"], let high: Int64 = range["high"] else { return [] }
        if (range["n"] as Int) <= window { return probed }
        return try Row.fetchAll(db, sql: """
            SELECT u.*, s.title AS sessionTitle, s.startsAt AS sessionStart
            FROM utteranceSearch
            JOIN utterance u ON u.id = utteranceSearch.rowid
            JOIN session s ON s.id = u.sessionId
            WHERE utteranceSearch MATCH ? AND utteranceSearch.rowid BETWEEN ? AND ? AND u.sessionId = ?
            ORDER BY u.sequence
            LIMIT ?
            """, arguments: [expression, low, high, session, limit])
    }
}

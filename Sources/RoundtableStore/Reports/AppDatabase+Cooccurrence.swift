import Foundation
import GRDB
import RoundtableCore

/// Two codes applied to overlapping text, and how often (see `CodeCooccurrence`).
public struct CodePairCount: Sendable, Equatable {
    /// The path that sorts first, such as `Channel/Phone`.
    public var first: String
    /// The other path.
    public var second: String
    /// Pairs of overlapping codings.
    public var count: Int
    /// Turns on which they overlapped.
    public var turns: Int
}

extension AppDatabase {
    /// The pairs of codes applied to overlapping spans of the same transcript turn in `scope`, most
    /// frequent first (then by turns, then by path). Only one coder's codings pair up (see
    /// `CodeCooccurrence`). Codings come off a cursor a turn at a time.
    public func codeCooccurrence(_ scope: SessionScope) throws -> [CodePairCount] {
        try read { db in
            let sessions = try scope.sessions(db)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.utteranceId, c.codeId, c.startOffset, c.endOffset, c.coder
                FROM coding c JOIN utterance u ON u.id = c.utteranceId
                WHERE u.sessionId IN (SELECT value FROM json_each(?)) ORDER BY c.utteranceId, c.id
                """, arguments: [SessionScope.idList(sessions)])
            var tally = CodeCooccurrence()
            var turn: Int64?
            var codings: [(code: Int64, span: TextSpan?)] = []
            var coders: [String] = []
            while let row = try rows.next() {
                let id: Int64 = row[0]
                if id != turn {
                    tally.add(codings, coders: coders)
                    (turn, codings, coders) = (id, [], [])
                }
                coders.append(row[4])
                let start: Int? = row[2], end: Int? = row[3]
                codings.append((row[1], start.flatMap { start in end.map { TextSpan(start: start, end: $0) } }))
            }
            tally.add(codings, coders: coders)
            let codebook = try Codebook(db)
            func path(_ id: Int64) -> String { codebook.code(id).map(codebook.path(of:)) ?? "" }
            return tally.tallies.map { pair, counted in
                let (a, b) = (path(pair.first), path(pair.second))
                return CodePairCount(first: min(a, b), second: max(a, b), count: counted.count, turns: counted.turns)
            }.sorted { ($1.count, $1.turns, $0.first, $0.second) < ($0.count, $0.turns, $1.first, $1.second) }
        }
    }
}

import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// How often each code was applied per participant, session, concept or attribute value in
    /// `scope` (see `CodeMatrix`), read in one transaction.
    ///
    /// By participant, session or attribute it counts codings of transcript turns, each under the
    /// turn's speaker (moderators and observers in one column, `(others)`; participants without
    /// the attribute under `(none)`). By concept it counts codings of reaction comments, each
    /// under the concept reacted to: a turn belongs to a session, not to one of the concepts shown
    /// in it. Columns are the cases with at least one coding. An attribute no participant has is
    /// an error (exit 65).
    public func codeMatrix(_ scope: SessionScope, by dimension: CodeMatrix.Dimension, includeChildren: Bool = false) throws -> CodeMatrix {
        try read { db in
            let sessions = try scope.sessions(db)
            let ids = SessionScope.idList(sessions)
            let tallies: [(code: Int64, column: MatrixColumn, count: Int)]
            switch dimension {
            case .participant: tallies = try Self.participantTallies(db, ids)
            case .session: tallies = try Self.sessionTallies(db, ids, sessions)
            case .attribute(let name): tallies = try Self.attributeTallies(db, ids, name)
            case .concept: tallies = try Self.conceptTallies(db, ids)
            }
            let columns = Set(tallies.map(\.column)).sorted { $0.order < $1.order }
            let index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            var counts: [Int64: [Int]] = [:]
            for tally in tallies {
                counts[tally.code, default: Array(repeating: 0, count: columns.count)][index[tally.column]!] += tally.count
            }
            return CodeMatrix(dimension: dimension, unit: dimension == .concept ? .reactionComments : .turns,
                              cases: columns.map(\.case), codes: try Code.order(Column("id")).fetchAll(db), counts: counts,
                              includesChildren: includeChildren)
        }
    }

    /// A column and where it sorts: by group (cases, then the gathering columns), then by key text or row id.
    struct MatrixColumn: Hashable {
        var `case`: CodeMatrix.Case
        var order: Order

        struct Order: Hashable, Comparable {
            var group: Int
            var rank: Int64
            var text: String
            static func < (a: Order, b: Order) -> Bool { (a.group, a.rank, a.text) < (b.group, b.rank, b.text) }
        }

        init(_ key: String, _ label: String, group: Int = 0, rank: Int64 = 0) {
            self.case = CodeMatrix.Case(key: key, label: label)
            order = Order(group: group, rank: rank, text: key)
        }
    }

    /// The FROM and WHERE of codings of turns in the sessions of argument ?1, with `join` added.
    private static func turnCodings(_ join: String = "") -> String {
        "FROM coding c JOIN utterance u ON u.id = c.utteranceId \(join) WHERE u.sessionId IN (SELECT value FROM json_each(?1))"
    }

    private static let others = MatrixColumn("(others)", "moderators and other speakers", group: 2)

    private static func participantTallies(_ db: Database, _ ids: String) throws -> [(code: Int64, column: MatrixColumn, count: Int)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.codeId, p.id, p.displayName, COUNT(*) \(turnCodings("LEFT JOIN participant p ON p.id = u.participantId"))
            GROUP BY c.codeId, p.id
            """, arguments: [ids])
        return rows.map { row in
            let column = (row[1] as Int64?).map { MatrixColumn("\(EntityKey(.participant, id: $0))", row[2], rank: $0) } ?? others
            return (row[0], column, row[3])
        }
    }

    private static func sessionTallies(_ db: Database, _ ids: String, _ sessions: [Session]) throws
        -> [(code: Int64, column: MatrixColumn, count: Int)] {
        let position = Dictionary(uniqueKeysWithValues: sessions.enumerated().map { ($1.id!, (Int64($0), $1)) })
        return try Row.fetchAll(db, sql: "SELECT c.codeId, u.sessionId, COUNT(*) \(turnCodings()) GROUP BY c.codeId, u.sessionId",
                                arguments: [ids]).compactMap { row in
            guard let (rank, session) = position[row[1]] else { return nil }
            return (row[0], MatrixColumn("\(session.key)", session.title, rank: rank), row[2])
        }
    }

    private static func attributeTallies(_ db: Database, _ ids: String, _ name: String) throws
        -> [(code: Int64, column: MatrixColumn, count: Int)] {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM participantAttribute WHERE name = ?)", arguments: [name]) == true else {
            let known = try String.fetchAll(db, sql: "SELECT DISTINCT name FROM participantAttribute ORDER BY name")
            let error = RoundtableError.notFound("participant attribute", name)
            throw known.isEmpty ? error : RoundtableError.rule(error.message + " (participants have: \(known.joined(separator: ", ")))")
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.codeId, u.participantId IS NULL, a.value, COUNT(*) \(turnCodings("LEFT JOIN participantAttribute a ON a.participantId = u.participantId AND a.name = ?2"))
            GROUP BY 1, 2, 3
            """, arguments: [ids, name])
        return rows.map { row in
            let column: MatrixColumn
            if row[1] as Bool {
                column = others
            } else if let value: String = row[2] {
                column = MatrixColumn(value, value)
            } else {
                column = MatrixColumn("(none)", "participants without \(name)", group: 1)
            }
            return (row[0], column, row[3])
        }
    }

    private static func conceptTallies(_ db: Database, _ ids: String) throws -> [(code: Int64, column: MatrixColumn, count: Int)] {
        try Row.fetchAll(db, sql: """
            SELECT c.codeId, k.key, k.title, COUNT(*)
            FROM coding c JOIN reaction r ON r.id = c.reactionId JOIN presentation p ON p.id = r.presentationId
            JOIN concept k ON k.id = p.conceptId
            WHERE p.sessionId IN (SELECT value FROM json_each(?1))
            GROUP BY c.codeId, k.id
            """, arguments: [ids]).map { row in (row[0], MatrixColumn(row[1], row[2]), row[3]) }
    }
}

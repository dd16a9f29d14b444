import Foundation
import GRDB
import RoundtableCore

/// `report concept`: how one concept scored across the sessions that showed it, session by session
/// and, when asked, by a participant attribute.
public struct ConceptReport: Sendable {
    /// The concept.
    public var concept: Concept
    /// The panel the sessions were restricted to, if any.
    public var panel: Panel?
    /// Only sessions starting at or after this instant, if given.
    public var since: Date?
    /// The participant attribute reactions were grouped by (`segment`), if any.
    public var attribute: String?
    /// Every reaction in every session counted.
    public var overall: ConceptScore
    /// Each session that showed the concept, in start order, with its position and its scores.
    public var sessions: [ConceptShowing]
    /// Reactions grouped by the reacting participant's value of `attribute`; empty without one.
    public var groups: [ConceptGroupScore]
}

/// Scores of the reactions from participants sharing one attribute value.
public struct ConceptGroupScore: Sendable {
    /// The value shown for participants without the attribute.
    public static let missing = "(none)"

    /// The attribute's value, or `(none)`.
    public var value: String
    /// Scores of this group's reactions.
    public var score: ConceptScore
}

extension AppDatabase {
    /// Everything `report concept` shows, read in one transaction.
    public func conceptReport(_ key: String, panel panelKey: String? = nil, since: Date? = nil,
                              by attribute: String? = nil) throws -> ConceptReport {
        try read { db in
            let concept = try ConceptLookup.concept(db, key)
            let panel = try panelKey.map { try Lookup.panel(db, $0) }
            var sql = """
                SELECT presentation.id AS presentationId, presentation.position, session.*
                FROM presentation JOIN session ON session.id = presentation.sessionId
                WHERE presentation.conceptId = ?
                """
            var arguments: StatementArguments = [concept.id!]
            if let panel {
                sql += " AND session.panelId = ?"
                arguments += [panel.id!]
            }
            if let since {
                sql += " AND session.startsAt >= ?"
                arguments += [since]
            }
            let shown = try Row.fetchAll(db, sql: sql + " ORDER BY session.startsAt, session.id", arguments: arguments)
            let reactions = try ConceptScoreQuery.reactions(db, concept: concept.id!)
            var counted: [Reaction] = []
            let sessions = try shown.map { row in
                let presentationId: Int64 = row["presentationId"]
                let own = reactions[presentationId] ?? []
                counted += own
                return ConceptShowing(session: try Session(row: row), position: row["position"],
                                      score: try ConceptScore(concept: concept, position: row["position"], reactions: own))
            }
            let groups = try attribute.map { try Self.groups(db, concept: concept, reactions: counted, attribute: $0) } ?? []
            return ConceptReport(concept: concept, panel: panel, since: since, attribute: attribute,
                                 overall: try ConceptScore(concept: concept, reactions: counted), sessions: sessions, groups: groups)
        }
    }

    /// `reactions` grouped by the reacting participant's `attribute`, values in order, `(none)` last.
    private static func groups(_ db: Database, concept: Concept, reactions: [Reaction],
                               attribute: String) throws -> [ConceptGroupScore] {
        let people = Array(Set(reactions.map(\.participantId)))
        let values = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
            SELECT participantId, value FROM participantAttribute
            WHERE name = ? AND participantId IN (SELECT value FROM json_each(?))
            """, arguments: [attribute, JSONList.encode(people)]).map { row in (row["participantId"] as Int64, row["value"] as String) })
        let grouped = Dictionary(grouping: reactions) { values[$0.participantId] ?? ConceptGroupScore.missing }
        let order = grouped.keys.sorted { a, b in
            a == ConceptGroupScore.missing ? false : b == ConceptGroupScore.missing ? true
                : a.localizedStandardCompare(b) == .orderedAscending
        }
        return try order.map { ConceptGroupScore(value: $0, score: try ConceptScore(concept: concept, reactions: grouped[$0]!)) }
    }
}

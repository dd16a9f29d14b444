import Foundation
import GRDB
import RoundtableCore

/// The reactions to concepts in a set of sessions, with who reacted where, for the panel report.
struct PanelConceptQuery {
    struct Shown {
        var presentation: Presentation
        var concept: Concept
        var reactions: [Reaction]
    }

    let shown: [Shown]

    init(_ db: Database, sessions ids: String) throws {
        let presentations = try Presentation.filter(sql: "sessionId IN (SELECT value FROM json_each(?))", arguments: [ids])
            .order(Column("sessionId"), Column("position")).fetchAll(db)
        let concepts = Dictionary(uniqueKeysWithValues: try Concept.fetchAll(db, keys: Set(presentations.map(\.conceptId)))
            .map { ($0.id!, $0) })
        let reactions = Dictionary(grouping: try Reaction.filter(sql: """
            presentationId IN (SELECT id FROM presentation WHERE sessionId IN (SELECT value FROM json_each(?)))
            """, arguments: [ids]).order(Column("id")).fetchAll(db), by: \.presentationId)
        shown = presentations.map { Shown(presentation: $0, concept: concepts[$0.conceptId]!, reactions: reactions[$0.id!] ?? []) }
    }

    /// Each concept by key, over every session that showed it.
    func scores() throws -> [ConceptScore] {
        let byConcept = Dictionary(grouping: shown) { $0.concept.key }
        return try byConcept.keys.sorted().map { key in
            let showings = byConcept[key]!
            return try ConceptScore(concept: showings[0].concept, reactions: showings.flatMap(\.reactions))
        }
    }

    /// Every pair of concepts shown together in a session, first by key, paired over the people
    /// who rated both in the same session.
    func comparisons() -> [ConceptComparison] {
        var pairs: [String: (first: String, second: String, sessions: [EntityKey], appeals: [(Int, Int)])] = [:]
        for (session, lineup) in Dictionary(grouping: shown, by: \.presentation.sessionId).sorted(by: { $0.key < $1.key }) {
            let ordered = lineup.sorted { $0.concept.key < $1.concept.key }
            for (index, a) in ordered.enumerated() {
                for b in ordered[(index + 1)...] {
                    let appealB = Dictionary(b.reactions.map { ($0.participantId, $0.appeal) }, uniquingKeysWith: { x, _ in x })
                    let matched = a.reactions.compactMap { r in appealB[r.participantId].map { (r.appeal, $0) } }
                    let id = a.concept.key + "\u{0}" + b.concept.key
                    var pair = pairs[id] ?? (a.concept.key, b.concept.key, [], [])
                    pair.sessions.append(EntityKey(.session, id: session))
                    pair.appeals += matched
                    pairs[id] = pair
                }
            }
        }
        return pairs.values.sorted { ($0.first, $0.second) < ($1.first, $1.second) }.map { pair in
            ConceptComparison(first: pair.first, second: pair.second, sessions: pair.sessions,
                              firstAppeal: ScoreSummary(pair.appeals.map(\.0)), secondAppeal: ScoreSummary(pair.appeals.map(\.1)),
                              test: WilcoxonSignedRank(pairs: pair.appeals))
        }
    }

    /// Appeal by the position the concept was shown at.
    func positions() -> [PositionScore] {
        let byPosition = Dictionary(grouping: shown, by: \.presentation.position)
        return byPosition.keys.sorted().map { position in
            PositionScore(position: position, appeal: ScoreSummary(byPosition[position]!.flatMap(\.reactions).map(\.appeal)))
        }
    }
}

import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Scores per concept: for a session, the concepts it showed in the order shown, each with its
    /// position; without one, every concept by key over all sessions (n = 0 when never answered).
    public func conceptScores(session key: EntityKey?) throws -> [ConceptScore] {
        try read { db in try ConceptScoreQuery.scores(db, session: key) }
    }
}

/// Reads reactions grouped the ways scores are reported.
enum ConceptScoreQuery {
    static func scores(_ db: Database, session key: EntityKey?) throws -> [ConceptScore] {
        guard let key else {
            let byConcept = try reactionsByConcept(db)
            return try Concept.order(Column("key")).fetchAll(db).map { concept in
                try ConceptScore(concept: concept, reactions: byConcept[concept.id!] ?? [])
            }
        }
        let session = try Lookup.session(db, key)
        let byPresentation = try Dictionary(grouping: Reaction.fetchAll(db, sql: """
            SELECT reaction.* FROM reaction JOIN presentation ON presentation.id = reaction.presentationId
            WHERE presentation.sessionId = ? ORDER BY reaction.id
            """, arguments: [session.id!]), by: \.presentationId)
        return try ConceptLookup.lineup(db, session: session.id!).map { shown in
            try ConceptScore(concept: shown.concept, position: shown.position,
                             reactions: byPresentation[shown.presentation.id!] ?? [])
        }
    }

    /// Every reaction to one concept, by the presentation it answers.
    static func reactions(_ db: Database, concept conceptId: Int64) throws -> [Int64: [Reaction]] {
        try Dictionary(grouping: Reaction.fetchAll(db, sql: """
            SELECT reaction.* FROM reaction JOIN presentation ON presentation.id = reaction.presentationId
            WHERE presentation.conceptId = ? ORDER BY reaction.id
            """, arguments: [conceptId]), by: \.presentationId)
    }

    private static func reactionsByConcept(_ db: Database) throws -> [Int64: [Reaction]] {
        var grouped: [Int64: [Reaction]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT presentation.conceptId AS conceptId, reaction.* FROM reaction
            JOIN presentation ON presentation.id = reaction.presentationId ORDER BY reaction.id
            """) {
            grouped[row["conceptId"], default: []].append(try Reaction(row: row))
        }
        return grouped
    }
}

import Foundation
import GRDB
import RoundtableCore

/// Finds concepts and what was shown where, failing with a message that names the key.
enum ConceptLookup {
    static func concept(_ db: Database, _ key: String) throws -> Concept {
        guard let concept = try Concept.filter(Column("key") == key).fetchOne(db) else {
            throw RoundtableError.notFound("concept", key)
        }
        return concept
    }

    /// The concepts a session shows, in the order shown.
    static func lineup(_ db: Database, session sessionId: Int64) throws -> [PresentedConcept] {
        try Row.fetchAll(db, sql: """
            SELECT presentation.id AS presentationId, presentation.sessionId, presentation.conceptId, presentation.position,
                   concept.*
            FROM presentation JOIN concept ON concept.id = presentation.conceptId
            WHERE presentation.sessionId = ? ORDER BY presentation.position
            """, arguments: [sessionId]).map { row in
            let presentation = Presentation(id: row["presentationId"], sessionId: row["sessionId"],
                                            conceptId: row["conceptId"], position: row["position"])
            return PresentedConcept(presentation: presentation, concept: try Concept(row: row))
        }
    }

    /// The presentation of `concept` in `session`, or a rule error saying it was not shown there.
    static func presentation(_ db: Database, session: EntityKey, concept: Concept) throws -> Presentation {
        guard let presentation = try Presentation
            .filter(Column("sessionId") == session.id && Column("conceptId") == concept.id!).fetchOne(db)
        else {
            throw RoundtableError.rule("concept \(concept.key) was not presented in \(session)")
        }
        return presentation
    }

    /// How many reactions the session's presentations already have.
    static func reactionCount(_ db: Database, session sessionId: Int64) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM reaction JOIN presentation ON presentation.id = reaction.presentationId
            WHERE presentation.sessionId = ?
            """, arguments: [sessionId]) ?? 0
    }
}

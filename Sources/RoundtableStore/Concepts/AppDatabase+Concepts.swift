import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Adds a concept under a new slug key and returns it.
    public func addConcept(key: String, title: String, description: String? = nil, version: String? = nil) throws -> Concept {
        try write { db in try addConcept(db, key: key, title: title, description: description, version: version) }
    }

    /// Every concept by key, with how many sessions showed it and how many reactions it has.
    public func concepts() throws -> [ConceptSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT concept.*,
                       (SELECT COUNT(*) FROM presentation p WHERE p.conceptId = concept.id) AS sessions,
                       (SELECT COUNT(*) FROM reaction r JOIN presentation p ON p.id = r.presentationId
                        WHERE p.conceptId = concept.id) AS reactions
                FROM concept ORDER BY key
                """).map { row in
                ConceptSummary(concept: try Concept(row: row), sessions: row["sessions"], reactions: row["reactions"])
            }
        }
    }

    /// A concept, the sessions it was shown in (by start) with its position and scores there,
    /// and its scores across all of them.
    public func conceptDetails(_ key: String) throws -> ConceptDetails {
        try read { db in
            let concept = try ConceptLookup.concept(db, key)
            let shown = try Row.fetchAll(db, sql: """
                SELECT presentation.id AS presentationId, presentation.position, session.*
                FROM presentation JOIN session ON session.id = presentation.sessionId
                WHERE presentation.conceptId = ? ORDER BY session.startsAt, session.id
                """, arguments: [concept.id!])
            let reactions = try ConceptScoreQuery.reactions(db, concept: concept.id!)
            let showings = try shown.map { row in
                let presentationId: Int64 = row["presentationId"]
                let position: Int = row["position"]
                let score = try ConceptScore(concept: concept, position: position, reactions: reactions[presentationId] ?? [])
                return ConceptShowing(session: try Session(row: row), position: position, score: score)
            }
            let all = reactions.values.flatMap { $0 }.sorted { $0.id! < $1.id! }
            return ConceptDetails(concept: concept, showings: showings, score: try ConceptScore(concept: concept, reactions: all))
        }
    }

    func addConcept(_ db: Database, key: String, title: String, description: String?, version: String?) throws -> Concept {
        let key = try Concept.validateKey(key)
        let title = try TextRules.name(title, what: "concept \(key)'s --title")
        // An empty --description means none, rather than an empty paragraph in every export.
        let description = try description.map(UnicodeText.trimmed).flatMap { text in
            text.isEmpty ? nil : try TextRules.text(UnicodeText.composed(text), what: "concept \(key)'s --description")
        }
        let version = try version.map { try TextRules.token(UnicodeText.trimmed($0), what: "concept \(key)'s --version") }
        if try Concept.filter(Column("key") == key).fetchCount(db) > 0 {
            throw RoundtableError.rule("concept \(key) already exists")
        }
        var concept = Concept(key: key, title: title, description: description, version: version, createdAt: clock())
        try concept.insert(db)
        try audit(db, "concept.add", key, concept.title)
        return concept
    }
}

import Foundation
import GRDB
import RoundtableCore

/// Restoring the research records: rows keep their ids (and so their keys); references given
/// by key in the backup are resolved against what was restored before them.
extension WorkspaceRestore {
    func concept(_ concept: Concept) throws {
        var concept = concept
        try concept.insert(db)
        conceptIds[concept.key] = concept.id
        summary.concepts += 1
    }

    func presentation(_ record: PresentationRecord) throws {
        var presentation = Presentation(sessionId: record.session.id, conceptId: try conceptId(record.concept, for: "\(record.session)"),
                                        position: record.position)
        try presentation.insert(db)
    }

    func reaction(_ record: ReactionRecord) throws {
        let conceptId = try conceptId(record.concept, for: "\(record.reaction.key)")
        guard let presentationId = try Int64.fetchOne(db, sql: "SELECT id FROM presentation WHERE sessionId = ? AND conceptId = ?",
                                                      arguments: [record.session.id, conceptId]) else {
            throw RoundtableError.rule("reaction \(record.reaction.key) is to \(record.concept) in \(record.session), "
                                       + "which the backup does not show there")
        }
        var reaction = record.reaction
        reaction.presentationId = presentationId
        try reaction.insert(db)
        summary.reactions += 1
    }

    func utterance(_ utterance: Utterance) throws { try insert(utterance, counting: \.utterances) }

    func note(_ note: Note) throws { try insert(note, counting: \.notes) }

    func commentCard(_ record: CommentCardRecord) throws {
        var card = record.card
        if let panel = record.panelKey {
            guard let panelId = panelIds[panel] else {
                throw RoundtableError.rule("comment card \(card.key) is for panel \(panel), which the backup does not contain")
            }
            card.panelId = panelId
        }
        try card.insert(db)
        summary.commentCards += 1
    }

    func surveyResponse(_ response: SurveyResponse) throws { try insert(response, counting: \.surveyResponses) }

    func code(_ code: Code) throws { try insert(code, counting: \.codes) }

    func coding(_ coding: Coding) throws { try insert(coding, counting: \.codings) }

    func refiIdentity(_ identity: REFIIdentity) throws {
        try db.execute(sql: "INSERT INTO refiIdentity (kind, key, guid) VALUES (?, ?, ?)",
                       arguments: [identity.kind, identity.key, identity.guid])
    }

    /// Inserts a record as the backup gives it, ids included, and counts it.
    private func insert<Record: MutablePersistableRecord>(_ record: Record, counting count: WritableKeyPath<RestoreSummary, Int>) throws {
        var record = record
        try record.insert(db)
        summary[keyPath: count] += 1
    }

    private func conceptId(_ key: String, for subject: String) throws -> Int64 {
        guard let id = conceptIds[key] else {
            throw RoundtableError.rule("\(subject) refers to concept \(key), which the backup does not contain")
        }
        return id
    }
}

import Foundation
import GRDB
import RoundtableCore

/// Restoring the research records: rows keep their ids (and so their keys); references given
/// by key in the backup are resolved against what was restored before them. A record that
/// cannot be stored is a violation, named by its key where it has one.
extension WorkspaceRestore {
    func concept(_ concept: Concept) throws {
        let subject = "concept \(concept.key)"
        guard conceptIds[concept.key] == nil else { return violation(subject, "appears more than once in the backup") }
        var concept = concept
        guard try store(subject, { try concept.insert(db) }) else { return }
        conceptIds[concept.key] = concept.id
        summary.concepts += 1
    }

    func presentation(_ record: PresentationRecord) throws {
        let subject = "presentation of \(record.concept) in \(record.session)"
        guard let conceptId = conceptId(record.concept, for: subject) else { return }
        var presentation = Presentation(sessionId: record.session.id, conceptId: conceptId, position: record.position)
        _ = try store(subject, { try presentation.insert(db) })
    }

    func reaction(_ record: ReactionRecord) throws {
        let subject = "reaction \(record.reaction.key)"
        guard let conceptId = conceptId(record.concept, for: subject) else { return }
        guard let presentationId = try Int64.fetchOne(db, sql: "SELECT id FROM presentation WHERE sessionId = ? AND conceptId = ?",
                                                      arguments: [record.session.id, conceptId]) else {
            return violation(subject, "is to \(record.concept) in \(record.session), which the backup does not show there")
        }
        var reaction = record.reaction
        reaction.presentationId = presentationId
        guard try store(subject, { try reaction.insert(db) }) else { return }
        summary.reactions += 1
    }

    /// The bulk of a big backup: one statement bound through SQLite's C API, not a record's encoding.
    func utterance(_ utterance: Utterance) throws {
        try self.utterance(utterance, searchText: UnicodeText.searchKey(utterance.text))
    }

    func utterance(_ utterance: Utterance, searchText: String) throws {
        let statement = try utteranceStatement()
        statement.bind(utterance.id)
        statement.bind(utterance.sessionId)
        statement.bind(Int64(utterance.sequence))
        statement.bind(utterance.participantId)
        statement.bind(utterance.moderatorId)
        statement.bind(utterance.speakerLabel)
        statement.bind(utterance.startMs.map(Int64.init))
        statement.bind(utterance.endMs.map(Int64.init))
        statement.bind(utterance.text)
        guard try store("utterance \(utterance.key)", { try statement.run() }) else { return }
        try indexRestoredUtterance(searchText)
        summary.utterances += 1
    }

    func note(_ note: Note) throws { try insert(note, "note \(note.key)", counting: \.notes) }

    func commentCard(_ record: CommentCardRecord) throws {
        var card = record.card
        let subject = "comment card \(card.key)"
        if let panel = record.panelKey {
            guard let panelId = panelIds[panel] else {
                return violation(subject, "is for panel \(panel), which the backup does not contain")
            }
            card.panelId = panelId
        }
        guard try store(subject, { try card.insert(db) }) else { return }
        summary.commentCards += 1
    }

    func surveyResponse(_ response: SurveyResponse) throws {
        try insert(response, "survey response \(response.id.map(String.init) ?? "?")", counting: \.surveyResponses)
    }

    func code(_ code: Code) throws { try insert(code, "code '\(code.name)'", counting: \.codes) }

    func codingBatch(_ batch: CodingBatch) throws {
        let subject = "coding batch \(batch.id.map(String.init) ?? "?")"
        check(subject) { _ = try TextRules.token(batch.coder, what: "the coder") }
        try insert(batch, subject, counting: \.codingBatches)
    }

    /// Codings come by the ten thousand too: bound through the C API as utterances are, with the
    /// date in the text GRDB's own encoding gives it (what `insert` would store).
    func coding(_ coding: Coding) throws {
        let statement = try codingStatement()
        statement.bind(coding.id)
        statement.bind(coding.codeId)
        statement.bind(coding.utteranceId)
        statement.bind(coding.noteId)
        statement.bind(coding.commentCardId)
        statement.bind(coding.reactionId)
        statement.bind(coding.startOffset.map(Int64.init))
        statement.bind(coding.endOffset.map(Int64.init))
        statement.bind(coding.coder)
        statement.bind(String.fromDatabaseValue(coding.createdAt.databaseValue))
        statement.bind(coding.guid)
        statement.bind(coding.batchId)
        guard try store("coding \(coding.id.map(String.init) ?? "?")", { try statement.run() }) else { return }
        summary.codings += 1
    }

    private func codingStatement() throws -> BulkStatement {
        if let statement = codingInsert { return statement }
        let statement = try BulkStatement(db, """
            INSERT INTO coding (id, codeId, utteranceId, noteId, commentCardId, reactionId, startOffset, endOffset, coder, createdAt, guid, batchId)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        codingInsert = statement
        return statement
    }

    func refiIdentity(_ identity: REFIIdentity) throws {
        _ = try store("REFI identity of \(identity.kind) \(identity.key)", {
            try db.execute(sql: "INSERT INTO refiIdentity (kind, key, guid) VALUES (?, ?, ?)",
                           arguments: [identity.kind, identity.key, identity.guid])
        })
    }

    /// Inserts a record as the backup gives it, ids included, and counts it.
    private func insert<Record: MutablePersistableRecord>(_ record: Record, _ subject: @autoclosure () -> String,
                                                          counting count: WritableKeyPath<RestoreSummary, Int>) throws {
        var record = record
        guard try store(subject(), { try record.insert(db) }) else { return }
        summary[keyPath: count] += 1
    }

    private func conceptId(_ key: String, for subject: String) -> Int64? {
        guard let id = conceptIds[key] else {
            violation(subject, "refers to concept \(key), which the backup does not contain")
            return nil
        }
        return id
    }
}

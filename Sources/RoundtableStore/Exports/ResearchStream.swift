import Foundation
import GRDB
import RoundtableCore

/// Walks the research tables for a workspace backup, each in an order that does not depend on
/// how rows were numbered, so a restored workspace exports the same file.
enum ResearchStream {
    static func forEach(_ section: WorkspaceSection, _ db: Database, _ sink: some WorkspaceSink) throws {
        switch section {
        case .concepts:
            try each(Concept.order(Column("id")), db, sink.concept)
        case .presentations:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT presentation.sessionId, concept.key, presentation.position
                FROM presentation JOIN concept ON concept.id = presentation.conceptId
                ORDER BY presentation.sessionId, presentation.position
                """)
            while let row = try rows.next() {
                try sink.presentation(PresentationRecord(session: EntityKey(.session, id: row[0]), concept: row[1], position: row[2]))
            }
        case .reactions:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT presentation.sessionId AS sessionKeyId, concept.key AS conceptKey, reaction.*
                FROM reaction JOIN presentation ON presentation.id = reaction.presentationId
                JOIN concept ON concept.id = presentation.conceptId
                ORDER BY reaction.id
                """)
            while let row = try rows.next() {
                try sink.reaction(ReactionRecord(reaction: try Reaction(row: row), session: EntityKey(.session, id: row["sessionKeyId"]),
                                                 concept: row["conceptKey"]))
            }
        case .utterances:
            try each(Utterance.order(Column("id")), db, sink.utterance)
        case .notes:
            try each(Note.order(Column("id")), db, sink.note)
        case .commentCards:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT panel.key AS panelKey, commentCard.* FROM commentCard LEFT JOIN panel ON panel.id = commentCard.panelId
                ORDER BY commentCard.id
                """)
            while let row = try rows.next() {
                try sink.commentCard(CommentCardRecord(card: try CommentCard(row: row), panelKey: row["panelKey"]))
            }
        case .surveyResponses:
            try each(SurveyResponse.order(Column("id")), db, sink.surveyResponse)
        case .codebook:
            try each(Code.order(Column("id")), db, sink.code)
        case .codingBatches:
            try each(CodingBatch.order(Column("id")), db, sink.codingBatch)
        case .codings:
            try each(Coding.order(Column("id")), db, sink.coding)
        case .refiIdentities:
            let rows = try Row.fetchCursor(db, sql: "SELECT kind, key, guid FROM refiIdentity ORDER BY kind, key")
            while let row = try rows.next() { try sink.refiIdentity(REFIIdentity(kind: row[0], key: row[1], guid: row[2])) }
        case .moderators, .panels, .importBatches, .participants, .sessions, .auditLog:
            break
        }
    }

    private static func each<Record: FetchableRecord & TableRecord>(
        _ request: QueryInterfaceRequest<Record>, _ db: Database, _ body: (Record) throws -> Void
    ) throws {
        let cursor = try request.fetchCursor(db)
        while let record = try cursor.next() { try body(record) }
    }

    /// The research sections, in backup order.
    static let sections: [WorkspaceSection] = [
        .concepts, .presentations, .reactions, .utterances, .notes, .commentCards, .surveyResponses, .codebook, .codingBatches,
        .codings, .refiIdentities,
    ]
}

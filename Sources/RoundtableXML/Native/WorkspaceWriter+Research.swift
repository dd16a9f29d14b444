import Foundation
import RoundtableCore

/// The research sections of a workspace backup.
extension WorkspaceWriter {
    public func concept(_ concept: Concept) throws {
        try writer.start("concept")
        try writer.attribute("key", concept.key)
        try writer.attribute("version", concept.version)
        try writer.attribute("created", NativeFormat.timestamp(concept.createdAt))
        try writer.element("title", concept.title)
        try writer.element("description", concept.description)
        try writer.end()
    }

    public func presentation(_ record: PresentationRecord) throws {
        try writer.start("presentation")
        try writer.attribute("session", "\(record.session)")
        try writer.attribute("concept", record.concept)
        try writer.attribute("position", String(record.position))
        try writer.end()
    }

    public func reaction(_ record: ReactionRecord) throws {
        let reaction = record.reaction
        try writer.start("reaction")
        try writer.attribute("key", "\(reaction.key)")
        try writer.attribute("session", "\(record.session)")
        try writer.attribute("concept", record.concept)
        try writer.attribute("participant", "\(EntityKey(.participant, id: reaction.participantId))")
        try writer.attribute("appeal", String(reaction.appeal))
        try writer.attribute("intent", String(reaction.intent))
        try writer.attribute("recommend", String(reaction.recommend))
        try writer.attribute("expectation", reaction.expectation.map { String($0) })
        try writer.attribute("at", NativeFormat.timestamp(reaction.recordedAt))
        try writer.element("comment", reaction.comment)
        try writer.end()
    }

    public func utterance(_ utterance: Utterance) throws {
        try ResearchElements.startUtterance(utterance, speaker: utterance.speakerLabel, identified: true, inWorkspace: true,
                                            to: writer)
        try writer.end()
    }

    public func note(_ note: Note) throws {
        try writer.start("note")
        try writer.attribute("key", "\(note.key)")
        try writer.attribute("session", "\(EntityKey(.session, id: note.sessionId))")
        try writer.attribute("kind", note.kind.rawValue)
        try writer.attribute("atMs", note.atMs.map { String($0) })
        try writer.attribute("author", note.author)
        try writer.attribute("created", NativeFormat.timestamp(note.createdAt))
        try writer.attribute("closed", note.closedAt.map(NativeFormat.timestamp))
        try writer.attribute("guid", note.guid)
        try writer.element("text", note.text)
        try writer.end()
    }

    public func commentCard(_ record: CommentCardRecord) throws {
        let card = record.card
        try writer.start("commentCard")
        try writer.attribute("key", "\(card.key)")
        try writer.attribute("participant", card.participantId.map { "\(EntityKey(.participant, id: $0))" })
        try writer.attribute("panel", record.panelKey)
        try writer.attribute("channel", card.channel?.rawValue)
        try writer.attribute("rating", card.rating.map { String($0) })
        try writer.attribute("received", NativeFormat.timestamp(card.receivedAt))
        try writer.element("text", card.text)
        try writer.end()
    }

    public func surveyResponse(_ response: SurveyResponse) throws {
        try writer.start("surveyResponse")
        try writer.attribute("id", String(response.id ?? 0))
        try writer.attribute("participant", "\(EntityKey(.participant, id: response.participantId))")
        try writer.attribute("session", response.sessionId.map { "\(EntityKey(.session, id: $0))" })
        for (dimension, value) in response.ratings { try writer.attribute(dimension, String(value)) }
        try writer.attribute("recommend", String(response.recommend))
        try writer.attribute("at", NativeFormat.timestamp(response.recordedAt))
        try writer.element("problems", response.problems)
        try writer.element("needs", response.needs)
        try writer.end()
    }

    public func code(_ code: Code) throws {
        try ResearchElements.code(code, to: writer)
    }

    public func codingBatch(_ batch: CodingBatch) throws {
        try writer.start("codingBatch")
        try writer.attribute("id", String(batch.id ?? 0))
        try writer.attribute("code", String(batch.codeId))
        try writer.attribute("coder", batch.coder)
        try writer.attribute("at", NativeFormat.timestamp(batch.createdAt))
        try writer.element("query", batch.query)
        try writer.element("scope", batch.scope)
        try writer.end()
    }

    public func coding(_ coding: Coding) throws {
        try ResearchElements.coding(coding, withTarget: true, to: writer)
    }

    public func refiIdentity(_ identity: REFIIdentity) throws {
        try writer.start("identity")
        try writer.attribute("kind", identity.kind)
        try writer.attribute("key", identity.key)
        try writer.attribute("guid", identity.guid)
        try writer.end()
    }
}

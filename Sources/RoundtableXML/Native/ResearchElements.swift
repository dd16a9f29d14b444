import Foundation
import RoundtableCore

/// Writes the research elements that workspace backups and transcripts share, in schema order.
enum ResearchElements {
    static func code(_ code: Code, to writer: XMLStreamWriter) throws {
        try writer.start("code")
        try writer.attribute("id", String(code.id ?? 0))
        try writer.attribute("parent", code.parentId.map { String($0) })
        try writer.attribute("color", code.color)
        try writer.attribute("created", NativeFormat.timestamp(code.createdAt))
        try writer.attribute("guid", code.guid)
        try writer.element("name", code.name)
        try writer.element("description", code.description)
        try writer.end()
    }

    /// Opens an `<utterance>` and writes its attributes, speaker and text; the caller adds codings
    /// and closes it. `inWorkspace` adds the key and session that a transcript document leaves implicit.
    static func startUtterance(_ utterance: Utterance, speaker: String, identified: Bool, inWorkspace: Bool,
                               to writer: XMLStreamWriter) throws {
        try writer.start("utterance")
        if inWorkspace {
            try writer.attribute("key", "\(utterance.key)")
            try writer.attribute("session", "\(EntityKey(.session, id: utterance.sessionId))")
        }
        try writer.attribute("seq", String(utterance.sequence))
        if identified {
            try writer.attribute("participant", utterance.participantId.map { "\(EntityKey(.participant, id: $0))" })
            try writer.attribute("moderator", utterance.moderatorId.map { "\(EntityKey(.moderator, id: $0))" })
        }
        try writer.attribute("startMs", utterance.startMs.map { String($0) })
        try writer.attribute("endMs", utterance.endMs.map { String($0) })
        try writer.element("speaker", speaker)
        try writer.element("text", utterance.text)
    }

    /// A coding; `withTarget` names what it codes (workspace), else it sits inside its utterance.
    static func coding(_ coding: Coding, withTarget: Bool, to writer: XMLStreamWriter) throws {
        try writer.start("coding")
        if withTarget {
            try writer.attribute("id", String(coding.id ?? 0))
        }
        try writer.attribute("code", String(coding.codeId))
        if withTarget {
            switch coding.target {
            case .utterance(let id): try writer.attribute("utterance", "\(EntityKey(.utterance, id: id))")
            case .note(let id): try writer.attribute("note", "\(EntityKey(.note, id: id))")
            case .commentCard(let id): try writer.attribute("commentCard", "\(EntityKey(.commentCard, id: id))")
            case .reaction(let id): try writer.attribute("reaction", "\(EntityKey(.reaction, id: id))")
            }
        }
        try writer.attribute("start", coding.startOffset.map { String($0) })
        try writer.attribute("end", coding.endOffset.map { String($0) })
        try writer.attribute("coder", coding.coder)
        try writer.attribute("at", NativeFormat.timestamp(coding.createdAt))
        try writer.attribute("guid", coding.guid)
        if withTarget { try writer.attribute("batch", coding.batchId.map { String($0) }) }
        try writer.end()
    }
}

import Foundation
import RoundtableCore

/// The research records of a workspace backup, turned into Core values.
extension WorkspaceRecords {
    func concept() throws -> Concept {
        let a = reader.attributes()
        let line = reader.line
        let children = try texts()
        return Concept(key: a["key"] ?? "", title: children["title"] ?? "", description: children["description"],
                       version: a["version"], createdAt: try date(a["created"], line))
    }

    func presentation() throws -> PresentationRecord {
        let a = reader.attributes()
        let line = reader.line
        try reader.skipElement()
        return PresentationRecord(session: try key(a["session"], .session, line), concept: a["concept"] ?? "",
                                  position: Int(a["position"] ?? "") ?? 0)
    }

    func reaction() throws -> ReactionRecord {
        let a = reader.attributes()
        let line = reader.line
        let children = try texts()
        let reaction = Reaction(
            id: try key(a["key"], .reaction, line).id, presentationId: 0,
            participantId: try key(a["participant"], .participant, line).id,
            appeal: Int(a["appeal"] ?? "") ?? 0, intent: Int(a["intent"] ?? "") ?? 0, recommend: Int(a["recommend"] ?? "") ?? 0,
            expectation: a["expectation"].flatMap { Int($0) }, comment: children["comment"], recordedAt: try date(a["at"], line))
        return ReactionRecord(reaction: reaction, session: try key(a["session"], .session, line), concept: a["concept"] ?? "")
    }

    func utterance(_ element: UtteranceElement) throws -> Utterance {
        let line = element.line
        if let coding = element.codings.first {
            throw XMLInputError(file: reader.file, line: coding.line,
                                message: "a backup lists codings in <codings>, not inside <utterance>")
        }
        return Utterance(id: try key(element.key, .utterance, line).id, sessionId: try key(element.session, .session, line).id,
                         sequence: element.sequence, participantId: try element.participant.map { try key($0, .participant, line).id },
                         moderatorId: try element.moderator.map { try key($0, .moderator, line).id },
                         speakerLabel: element.speaker, startMs: element.startMs, endMs: element.endMs, text: element.text)
    }

    func note() throws -> Note {
        let a = reader.attributes()
        let line = reader.line
        let children = try texts()
        return Note(id: try key(a["key"], .note, line).id, sessionId: try key(a["session"], .session, line).id,
                    atMs: a["atMs"].flatMap { Int($0) }, kind: NoteKind(rawValue: a["kind"] ?? "") ?? .observation,
                    text: children["text"] ?? "", author: a["author"] ?? "", createdAt: try date(a["created"], line),
                    closedAt: try a["closed"].map { try date($0, line) }, guid: a["guid"] ?? GUID.make())
    }

    func commentCard() throws -> CommentCardRecord {
        let a = reader.attributes()
        let line = reader.line
        let children = try texts()
        let card = CommentCard(id: try key(a["key"], .commentCard, line).id,
                               participantId: try a["participant"].map { try key($0, .participant, line).id },
                               channel: a["channel"].flatMap(CommentChannel.init(rawValue:)), rating: a["rating"].flatMap { Int($0) },
                               text: children["text"] ?? "", receivedAt: try date(a["received"], line))
        return CommentCardRecord(card: card, panelKey: a["panel"])
    }

    func surveyResponse() throws -> SurveyResponse {
        let a = reader.attributes()
        let line = reader.line
        let children = try texts()
        func score(_ name: String) -> Int { Int(a[name] ?? "") ?? 0 }
        return SurveyResponse(id: a["id"].flatMap { Int64($0) }, participantId: try key(a["participant"], .participant, line).id,
                              sessionId: try a["session"].map { try key($0, .session, line).id },
                              quality: score("quality"), speed: score("speed"), price: score("price"), trust: score("trust"),
                              recommend: score("recommend"), problems: children["problems"], needs: children["needs"],
                              recordedAt: try date(a["at"], line))
    }

    func code() throws -> Code {
        let a = reader.attributes()
        let line = reader.line
        let children = try texts()
        return Code(id: a["id"].flatMap { Int64($0) }, parentId: a["parent"].flatMap { Int64($0) }, name: children["name"] ?? "",
                    description: children["description"], color: a["color"],
                    createdAt: try a["created"].map { try date($0, line) } ?? Date(timeIntervalSince1970: 0),
                    guid: a["guid"] ?? GUID.make())
    }

    func coding(_ element: CodingElement) throws -> Coding {
        let line = element.line
        guard let (attribute, text) = element.target else {
            throw XMLInputError(file: reader.file, line: line, message: "a coding in a backup names no utterance, note, comment card or reaction")
        }
        let target: CodingTarget = switch attribute {
        case "utterance": .utterance(try key(text, .utterance, line).id)
        case "note": .note(try key(text, .note, line).id)
        case "commentCard": .commentCard(try key(text, .commentCard, line).id)
        default: .reaction(try key(text, .reaction, line).id)
        }
        var coding = Coding(codeId: element.code, target: target, span: try span(element), coder: element.coder,
                            createdAt: try date(element.at, line), guid: element.guid ?? GUID.make())
        coding.id = element.id
        coding.batchId = element.batch
        return coding
    }

    func codingBatch() throws -> CodingBatch {
        let a = reader.attributes()
        let line = reader.line
        let children = try texts()
        return CodingBatch(id: a["id"].flatMap { Int64($0) }, codeId: a["code"].flatMap { Int64($0) } ?? 0,
                           query: children["query"] ?? "", scope: children["scope"] ?? "", coder: a["coder"] ?? "",
                           createdAt: try date(a["at"] ?? "", line))
    }

    /// A coding's span: both offsets or neither.
    func span(_ element: CodingElement) throws -> TextSpan? {
        switch (element.start, element.end) {
        case (nil, nil): return nil
        case (let start?, let end?) where end > start: return TextSpan(start: start, end: end)
        default:
            throw XMLInputError(file: reader.file, line: element.line,
                                message: "a coding needs both start and end (end after start), or neither for the whole text")
        }
    }
}

import Foundation
import RoundtableCore

/// An `<utterance>` as read from a workspace backup or a transcript, with the codings inside it.
struct UtteranceElement {
    var line: Int
    var key: String?
    var session: String?
    var sequence: Int
    var participant: String?
    var moderator: String?
    var startMs: Int?
    var endMs: Int?
    var speaker = ""
    var text = ""
    var codings: [CodingElement] = []

    /// Reads the element the reader has just started, up to and including its end tag.
    static func read(_ reader: XMLStreamReader, warnings: inout WarningLog) throws -> UtteranceElement {
        let a = reader.attributes()
        var element = UtteranceElement(line: reader.line, key: a["key"], session: a["session"], sequence: Int(a["seq"] ?? "") ?? 0,
                                       participant: a["participant"], moderator: a["moderator"],
                                       startMs: a["startMs"].flatMap { Int($0) }, endMs: a["endMs"].flatMap { Int($0) })
        try reader.readChildren(warnings: &warnings, context: " in <utterance>") { name in
            switch name {
            case "speaker": element.speaker = try reader.elementText()
            case "text": element.text = try reader.elementText()
            case "coding":
                element.codings.append(CodingElement(reader.attributes(), line: reader.line))
                try reader.skipElement()
            default:
                return false
            }
            return true
        }
        return element
    }
}

/// A `<coding>`'s attributes as written.
struct CodingElement {
    var line: Int
    var id: Int64?
    var code: Int64
    var target: (attribute: String, key: String)?
    var start: Int?
    var end: Int?
    var coder: String
    var at: String
    var guid: String?
    /// The coding batch that made it (workspace backups, format version 3).
    var batch: Int64?

    init(_ a: XMLAttributes, line: Int) {
        self.line = line
        id = a["id"].flatMap { Int64($0) }
        code = a["code"].flatMap { Int64($0) } ?? 0
        target = ["utterance", "note", "commentCard", "reaction"].lazy.compactMap { name in a[name].map { (name, $0) } }.first
        start = a["start"].flatMap { Int($0) }
        end = a["end"].flatMap { Int($0) }
        coder = a["coder"] ?? ""
        at = a["at"] ?? ""
        guid = a["guid"]
        batch = a["batch"].flatMap { Int64($0) }
    }
}

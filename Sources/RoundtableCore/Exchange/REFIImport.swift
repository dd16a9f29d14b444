import Foundation

/// A REFI-QDA project as read for import: what Roundtable can bring across, and warnings for the rest.
public struct REFIImportProject: Sendable {
    /// The project's name (the panel's name when none is given).
    public var name: String
    public var codes: [CodebookEntry] = []
    public var users: [String] = []
    public var sources: [REFIImportSource] = []
    public var cases: [REFIImportCase] = []
    /// What was read but not brought across, with file and line where known.
    public var warnings: [String] = []

    /// Creates an empty project.
    public init(name: String) { self.name = name }
}

/// One text source: its plain text (nil when the archive has none) and its coded selections.
public struct REFIImportSource: Sendable {
    public var name: String
    public var created: Date?
    public var text: String?
    public var selections: [REFIImportSelection] = []

    /// Creates a source.
    public init(name: String, created: Date?, text: String?) {
        self.name = name
        self.created = created
        self.text = text
    }
}

/// A plain-text selection in code points (end exclusive) and the GUIDs of the codes applied to it.
public struct REFIImportSelection: Sendable {
    public var start: Int
    public var end: Int
    public var codeGUIDs: [String]
    /// The line of the selection in project.qde.
    public var line: Int

    /// Creates a selection.
    public init(start: Int, end: Int, codeGUIDs: [String], line: Int) {
        self.start = start
        self.end = end
        self.codeGUIDs = codeGUIDs
        self.line = line
    }
}

/// A case: a person with their variables.
public struct REFIImportCase: Sendable {
    public var name: String
    public var variables: [(name: String, value: String)]

    /// Creates a case.
    public init(name: String, variables: [(name: String, value: String)]) {
        self.name = name
        self.variables = variables
    }
}

/// One turn cut from a source's text, with the code spans that fall on it (offsets in its own text).
public struct REFIImportTurn: Sendable, Equatable {
    public var speaker: String
    public var text: String
    /// Line number in the source text, from 1.
    public var line: Int
    public var codings: [REFIImportSpan] = []
}

/// A code applied to a span of a turn.
public struct REFIImportSpan: Sendable, Equatable {
    public var codeGUID: String
    public var start: Int
    public var end: Int

    /// Creates a span.
    public init(codeGUID: String, start: Int, end: Int) {
        self.codeGUID = codeGUID
        self.start = start
        self.end = end
    }
}

/// Splits a source's text into turns and maps code-point selections onto them.
public enum REFITurnSplitter {
    /// The label of lines that name no speaker.
    public static let defaultSpeaker = "Source"

    /// Turns, one a non-blank line: `Speaker: text` (speaker ≤ 60 characters, no colon) or the line by "Source".
    /// Selections land on every turn they overlap; one over several turns is reported in `warnings`.
    public static func split(_ text: String, selections: [REFIImportSelection], source: String,
                             warnings: inout [String]) -> [REFIImportTurn] {
        var turns: [REFIImportTurn] = []
        var ranges: [(start: Int, end: Int)] = []  // code points of each turn's text in the source
        var offset = 0
        var number = 0
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let lineStart = offset
            offset += raw.count + 1
            var scalars = Array(raw)
            while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
            var lead = 0
            while lead < scalars.count, scalars[lead].properties.isWhitespace { lead += 1 }
            guard lead < scalars.count else { continue }
            var body = Array(scalars[lead...])
            var start = lineStart + lead
            var speaker = defaultSpeaker
            if let colon = body.firstIndex(of: ":"), colon > 0, colon <= 60 {
                let name = String(String.UnicodeScalarView(body[..<colon])).trimmingCharacters(in: .whitespaces)
                var rest = colon + 1
                while rest < body.count, body[rest].properties.isWhitespace { rest += 1 }
                if !name.isEmpty, rest < body.count {
                    speaker = name
                    start += rest
                    body = Array(body[rest...])
                }
            }
            turns.append(REFIImportTurn(speaker: speaker, text: String(String.UnicodeScalarView(body)), line: number))
            ranges.append((start, start + body.count))
        }
        for selection in selections {
            let hit = ranges.indices.filter { ranges[$0].start < selection.end && selection.start < ranges[$0].end }
            guard !hit.isEmpty else {
                warnings.append("\(source): selection \(selection.start)..<\(selection.end) (project.qde line \(selection.line)) "
                                + "covers no text; its \(selection.codeGUIDs.count) codings are skipped")
                continue
            }
            if hit.count > 1 {
                warnings.append("\(source): selection \(selection.start)..<\(selection.end) (project.qde line \(selection.line)) "
                                + "spans \(hit.count) turns; each turn's part is coded")
            }
            for index in hit {
                let start = max(selection.start, ranges[index].start) - ranges[index].start
                let end = min(selection.end, ranges[index].end) - ranges[index].start
                for guid in selection.codeGUIDs {
                    turns[index].codings.append(REFIImportSpan(codeGUID: guid, start: start, end: end))
                }
            }
        }
        return turns
    }
}

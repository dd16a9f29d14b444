import Foundation

/// One turn cut from a source's text, with the code spans that fall on it (offsets in its own text).
public struct REFIImportTurn: Sendable, Equatable {
    public var speaker: String
    public var text: String
    /// Line number in the source text, from 1.
    public var line: Int
    public var codings: [REFIImportSpan] = []
    /// Where the turn's line and its text start in the source, and where its text ends (code points).
    public var lineStart = 0
    public var start = 0
    public var end = 0
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
    /// Coded selections land on every turn they overlap; one over several turns is reported in `warnings`.
    public static func split(_ text: String, selections: [REFIImportSelection], source: String,
                             warnings: inout [String]) -> [REFIImportTurn] {
        var notApplied = 0
        return split(text, selections: selections, source: source, warnings: &warnings, notApplied: &notApplied)
    }

    /// `split`, counting in `notApplied` the coded selections that cover no turn's text.
    public static func split(_ text: String, selections: [REFIImportSelection], source: String,
                             warnings: inout [String], notApplied: inout Int) -> [REFIImportTurn] {
        // At most one turn a line: reserved, the lists of 100k turns do not grow to twice what they hold.
        let lines = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        var turns: [REFIImportTurn] = []
        turns.reserveCapacity(lines)
        var ranges: [(start: Int, end: Int)] = []  // code points of each turn's text in the source
        ranges.reserveCapacity(lines)
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
            turns.append(REFIImportTurn(speaker: speaker, text: String(String.UnicodeScalarView(body)), line: number,
                                        lineStart: lineStart, start: start, end: start + body.count))
            ranges.append((start, start + body.count))
        }
        // A selection without codes only names a case's turn (see `REFICaseLinks`).
        for selection in selections where !selection.codeGUIDs.isEmpty {
            // Turns are in order and do not overlap: find the first that ends after the selection starts.
            var low = 0
            var high = ranges.count
            while low < high {
                let middle = (low + high) / 2
                if ranges[middle].end <= selection.start { low = middle + 1 } else { high = middle }
            }
            var hit = low..<low
            while hit.upperBound < ranges.count, ranges[hit.upperBound].start < selection.end { hit = low..<(hit.upperBound + 1) }
            guard !hit.isEmpty else {
                warnings.append("\(source): selection \(selection.start)..<\(selection.end) (project.qde line \(selection.line)) "
                                + "covers no text; its \(selection.codeGUIDs.count) codings are skipped")
                notApplied += 1
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

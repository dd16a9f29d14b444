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
        let cuts = cut(text, selections: selections, source: source, warnings: &warnings, notApplied: &notApplied)
        return (0..<cuts.count).map(cuts.turn)
    }

    /// `split` without copying the turns' text: where each turn lies, its speaker and text made on demand.
    /// The same warnings, in the same order, and the same `notApplied`.
    public static func cut(_ text: String, selections: [REFIImportSelection], source: String,
                           warnings: inout [String], notApplied: inout Int) -> REFITurnCuts {
        var cuts = REFITurnCuts(cutting: text)
        // A selection without codes only names a case's turn (see `REFICaseLinks`).
        for selection in selections where !selection.codeGUIDs.isEmpty {
            // Turns are in order and do not overlap: find the first that ends after the selection starts.
            var low = 0
            var high = cuts.count
            while low < high {
                let middle = (low + high) / 2
                if cuts.cuts[middle].end <= selection.start { low = middle + 1 } else { high = middle }
            }
            var hit = low..<low
            while hit.upperBound < cuts.count, cuts.cuts[hit.upperBound].start < selection.end { hit = low..<(hit.upperBound + 1) }
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
                let turn = cuts.cuts[index]
                let start = max(selection.start, turn.start) - turn.start
                let end = min(selection.end, turn.end) - turn.start
                for guid in selection.codeGUIDs {
                    cuts.codings[index, default: []].append(REFIImportSpan(codeGUID: guid, start: start, end: end))
                }
            }
        }
        return cuts
    }
}

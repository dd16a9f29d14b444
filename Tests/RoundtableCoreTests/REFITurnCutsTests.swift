import Foundation
@testable import RoundtableCore
import Testing

/// The turn splitter as it was before `cut` (arrays of scalars per line): the reference `cut` must match.
enum ReferenceTurnSplitter {
    /// `split`, counting in `notApplied` the coded selections that cover no turn's text.
    static func split(_ text: String, selections: [REFIImportSelection], source: String,
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
            var speaker = REFITurnSplitter.defaultSpeaker
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

@Suite("REFITurnSplitter.cut gives exactly the turns, warnings and counts of the old scalar splitter")
struct REFITurnCutsTests {
    static let code = "c0de0000-0000-4000-8000-000000000001"

    static func compare(_ text: String, _ selections: [REFIImportSelection] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        var oldWarnings: [String] = []
        var oldNotApplied = 0
        let expected = ReferenceTurnSplitter.split(text, selections: selections, source: "s", warnings: &oldWarnings,
                                                   notApplied: &oldNotApplied)
        var warnings: [String] = []
        var notApplied = 0
        let cuts = REFITurnSplitter.cut(text, selections: selections, source: "s", warnings: &warnings, notApplied: &notApplied)
        let turns = (0..<cuts.count).map(cuts.turn)
        #expect(turns.count == expected.count, sourceLocation: sourceLocation)
        for (got, want) in zip(turns, expected) {
            #expect(Array(got.speaker.unicodeScalars) == Array(want.speaker.unicodeScalars), "line \(want.line)", sourceLocation: sourceLocation)
            #expect(Array(got.text.unicodeScalars) == Array(want.text.unicodeScalars), "line \(want.line)", sourceLocation: sourceLocation)
            #expect(got == want, sourceLocation: sourceLocation)
        }
        #expect(warnings == oldWarnings, sourceLocation: sourceLocation)
        #expect(notApplied == oldNotApplied, sourceLocation: sourceLocation)
        var splitWarnings: [String] = []
        #expect(REFITurnSplitter.split(text, selections: selections, source: "s", warnings: &splitWarnings) == expected,
                sourceLocation: sourceLocation)
    }

    /// Every selection of `length` code points starting at each `step`th offset, coded.
    static func everywhere(_ text: String, length: Int, step: Int = 1) -> [REFIImportSelection] {
        let count = text.unicodeScalars.count
        return stride(from: 0, to: count, by: step).map {
            REFIImportSelection(guid: nil, start: $0, end: min(count + 3, $0 + length), codeGUIDs: [code], line: $0 + 1)
        }
    }

    static let awkward: [String] = [
        "",
        "\n",
        "Aino: Tervetuloa\nSofia:   Kiitos\nno speaker\nBo: Hei\n",
        "Aino: hei\r\nBo:\tmoi\r\n\r\n  \t \r\nlast line without newline",
        "\u{00A0}Åsa\u{2003}:\u{3000}hej\u{00A0}\n\u{3000}\u{2003}\u{00A0}\n\u{85}x\u{2028}\n",
        "Zoë :  ja\nJosé\u{301}: sí\u{301}\n e\u{301}: combining\n\u{301}: lone mark\n",
        "👩‍👩‍👧: emoji speaker 🎉\n🎉🎉: 🎉\nx: 🇫🇮\n",
        String(repeating: "a", count: 60) + ": sixty\n" + String(repeating: "b", count: 61) + ": sixty-one\n"
            + String(repeating: "é", count: 60) + ": sixty accented\n" + String(repeating: "é", count: 61) + ": sixty-one\n"
            + String(repeating: "😀", count: 59) + " : emoji\n",
        ": no name\n :lead space\nname:\nname:   \nname: a: b\n\t\u{A0}:x\n\u{2003}Bo\u{2003}:\u{2003}x\n",
        "A\u{0009}B: tab inside\n\u{000B}\u{000C}v: vertical\n\u{200B}zw: zero width\n\u{FEFF}bom: x\n",
        "\u{2003}\u{301}Bo: odd\nBo \u{301}: odd end\n\u{A0}\u{301}x: y\n",
    ]

    @Test(arguments: awkward) func awkwardTextWithoutSelections(text: String) {
        Self.compare(text)
    }

    @Test(arguments: awkward) func selectionsEverywhere(text: String) {
        // Across turns, on labels, in blank lines, outside the text, of one code point and of many.
        Self.compare(text, Self.everywhere(text, length: 1))
        Self.compare(text, Self.everywhere(text, length: 4, step: 3))
        Self.compare(text, Self.everywhere(text, length: 40, step: 7))
    }

    @Test func uncodedSelectionsAreLeftToTheCases() {
        let text = Self.awkward[2]
        Self.compare(text, [REFIImportSelection(guid: "a", start: 0, end: 10, codeGUIDs: [], line: 1),
                            REFIImportSelection(guid: nil, start: 200, end: 300, codeGUIDs: [Self.code, Self.code], line: 2),
                            REFIImportSelection(guid: nil, start: 2, end: 40, codeGUIDs: [Self.code, "other"], line: 3)])
    }

    @Test func randomTexts() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Bo", ":", " ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "\u{3000}", "é", "e\u{301}", "😀", "\u{85}", "x"]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            Self.compare(text, Self.everywhere(text, length: Int.random(in: 1...9, using: &generator), step: 2))
        }
    }
}

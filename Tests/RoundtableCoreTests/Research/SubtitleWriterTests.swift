import Foundation
import Testing
@testable import RoundtableCore

@Suite("Subtitles: WebVTT and SRT")
struct SubtitleWriterTests {
    static let cues = [
        SubtitleCue(identifier: "U-000001", startMs: 5_000, endMs: 9_250, speaker: "Åsa Lindqvist", text: "Welcome & thanks."),
        SubtitleCue(identifier: "U-000002", startMs: 3_723_004, endMs: 3_725_000, speaker: "Matti <M> Äijälä",
                    text: "Line one\n\n  Line two --> <b>three</b>"),
        SubtitleCue(identifier: "", startMs: 0, endMs: 1_000, speaker: "", text: "nobody"),
    ]

    @Test("WebVTT: header, identifiers, dot milliseconds, voice spans, escapes, no blank line inside a cue")
    func webVTT() throws {
        let text = SubtitleWriter.webVTT(Self.cues)
        #expect(text == """
            WEBVTT

            U-000001
            00:00:05.000 --> 00:00:09.250
            <v Åsa Lindqvist>Welcome &amp; thanks.</v>

            U-000002
            01:02:03.004 --> 01:02:05.000
            <v Matti &lt;M&gt; Äijälä>Line one
            Line two --&gt; &lt;b&gt;three&lt;/b&gt;</v>

            00:00:00.000 --> 00:00:01.000
            nobody

            """)
        try WebVTTStructure.check(text, cues: 3)
    }

    @Test("the golden WebVTT file the command line writes reads as WebVTT")
    func goldenFile() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("RoundtableCLITests/Golden/transcript-S-0001.vtt")
        try WebVTTStructure.check(try String(contentsOf: golden, encoding: .utf8), cues: 5)
    }

    @Test("SRT: numbered cues, comma milliseconds, Speaker: text, no arrow inside a cue")
    func srt() {
        #expect(SubtitleWriter.srt(Self.cues) == """
            1
            00:00:05,000 --> 00:00:09,250
            Åsa Lindqvist: Welcome & thanks.

            2
            01:02:03,004 --> 01:02:05,000
            Matti <M> Äijälä: Line one
            Line two -> <b>three</b>

            3
            00:00:00,000 --> 00:00:01,000
            nobody

            """)
    }

    @Test("a cue ends at the turn's end, else the next start, else after a reading-time estimate")
    func cueEnd() {
        #expect(SubtitleCue.end(start: 1_000, end: 4_000, nextStart: 2_000, text: "x") == 4_000)
        #expect(SubtitleCue.end(start: 1_000, end: 1_000, nextStart: 2_000, text: "x") == 2_000, "an end not after the start counts for nothing")
        #expect(SubtitleCue.end(start: 1_000, end: nil, nextStart: 3_601_000, text: "x") == 61_000, "a break does not keep a cue on screen")
        #expect(SubtitleCue.end(start: 1_000, end: nil, nextStart: 500, text: String(repeating: "a", count: 50)) == 5_000)
        #expect(SubtitleCue.end(start: 0, end: nil, nextStart: nil, text: "hi") == 1_000, "at least a second")
        #expect(SubtitleCue.end(start: 0, end: nil, nextStart: nil, text: String(repeating: "a", count: 5_000)) == 60_000)
        #expect(SubtitleWriter.timestamp(360_000_000 + 1, ".") == "100:00:00.001", "hours grow past two digits")
    }
}

/// A strict reading of the WebVTT file structure (W3C WebVTT, "file parsing"): the signature
/// line, blocks separated by blank lines, each cue an optional identifier without `-->`, a timing
/// line with start before end, and text lines without `-->`, with every `<v>` closed.
enum WebVTTStructure {
    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func check(_ text: String, cues expected: Int) throws {
        guard !text.contains("\r"), text.hasPrefix("WEBVTT\n\n") || text == "WEBVTT\n" else { throw Malformed(description: "bad signature") }
        let blocks = text.dropFirst("WEBVTT\n\n".count).components(separatedBy: "\n\n").filter { !$0.isEmpty }
        guard blocks.count == expected else { throw Malformed(description: "\(blocks.count) cues, expected \(expected)") }
        for block in blocks {
            var lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            if !lines[0].contains("-->") { lines.removeFirst() }
            guard let timing = lines.first, let (start, end) = times(timing), start < end else {
                throw Malformed(description: "bad timing line in \(block)")
            }
            let body = lines.dropFirst()
            guard !body.isEmpty, body.allSatisfy({ !$0.isEmpty && !$0.contains("-->") }) else {
                throw Malformed(description: "bad cue text in \(block)")
            }
            let joined = body.joined(separator: "\n")
            guard joined.components(separatedBy: "<v ").count == joined.components(separatedBy: "</v>").count else {
                throw Malformed(description: "unbalanced voice span in \(block)")
            }
            let unescaped = joined.replacingOccurrences(of: "&amp;", with: "").replacingOccurrences(of: "&lt;", with: "")
                .replacingOccurrences(of: "&gt;", with: "")
            guard !unescaped.contains("&") else { throw Malformed(description: "stray & in \(block)") }
        }
    }

    /// The milliseconds of `hh:mm:ss.ttt --> hh:mm:ss.ttt`.
    static func times(_ line: String) -> (Int, Int)? {
        let parts = line.components(separatedBy: " --> ")
        guard parts.count == 2, let start = milliseconds(parts[0]), let end = milliseconds(parts[1]) else { return nil }
        return (start, end)
    }

    static func milliseconds(_ text: String) -> Int? {
        let pieces = text.split(separator: ":")
        guard pieces.count == 3, pieces[0].count >= 2, pieces[1].count == 2, let hours = Int(pieces[0]), let minutes = Int(pieces[1]),
              minutes < 60 else { return nil }
        let seconds = pieces[2].split(separator: ".")
        guard seconds.count == 2, seconds[0].count == 2, seconds[1].count == 3, let whole = Int(seconds[0]), whole < 60,
              let fraction = Int(seconds[1]) else { return nil }
        return ((hours * 60 + minutes) * 60 + whole) * 1000 + fraction
    }
}

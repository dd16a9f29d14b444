import Foundation

/// The kinds of transcript file `transcript import` reads.
public enum TranscriptFormat: String, Sendable, CaseIterable {
    /// Roundtable's plain text: `Speaker: text` turns.
    case text
    /// Roundtable's native XML transcript.
    case xml
    /// WebVTT captions (Zoom, Microsoft Teams).
    case vtt
    /// SubRip subtitles.
    case srt
    /// Otter.ai's text export.
    case otter
    /// A Microsoft Teams transcript saved as a Word document.
    case docx

    /// Whether the file's pieces are cues that become turns by merging (all but Roundtable's own).
    public var hasCues: Bool { self != .text && self != .xml }

    /// Tells the format from the first bytes of a file (a few kilobytes): a zip archive is a Word
    /// document; `<` after any byte order mark and white space is XML; a `WEBVTT` first line, or a
    /// first cue timed `00:00:01.000 --> …` (a dot before the milliseconds) is WebVTT; the same with
    /// a comma is SRT; a first line `Name  0:03` (a name, two or more spaces or a tab, a time) with
    /// text after it is Otter; anything else is plain text.
    public static func detect(head: [UInt8]) -> TranscriptFormat {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        let text = decodedHead(head)
        if text.unicodeScalars.first(where: { !" \t\r\n".unicodeScalars.contains($0) }) == "<" { return .xml }
        // The last line may be cut off by the end of the head, so only whole lines are looked at.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map { UnicodeText.trimmed(String($0)) }
        if lines.count > 1 { lines.removeLast() }
        let filled = lines.filter { !$0.isEmpty }
        guard let first = filled.first else { return .text }
        if SubtitleParser<StringLines>.startsBlock(first, "WEBVTT") { return .vtt }
        let timing = CueTiming.isTimingLine(first) ? first : filled.dropFirst().first.flatMap { CueTiming.isTimingLine($0) ? $0 : nil }
        if let timing, first.allSatisfy({ !$0.isWhitespace }) || timing == first {
            let start = UnicodeText.trimmed(String(timing.prefix { $0 != "-" }))
            if (try? CueTiming.time(start, file: "", number: 0)) != nil { return start.contains(",") ? .srt : .vtt }
        }
        if SpeakerBlockParser<StringLines>.speakerLine(first) != nil, filled.count > 1,
           SpeakerBlockParser<StringLines>.speakerLine(filled[1]) == nil {
            return .otter
        }
        return .text
    }

    /// The head as text: UTF-16 with a byte order mark, else UTF-8 (a cut-off character at the
    /// end, or bytes that are not UTF-8, become replacement characters; plain-text reading reports them).
    private static func decodedHead(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index in
                little ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            }
            return String(decoding: units, as: UTF16.self)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return String(decoding: body, as: UTF8.self)
    }
}

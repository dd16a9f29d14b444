import Foundation

/// Reads subtitle files a cue at a time: WebVTT captions as Zoom and Microsoft Teams write them,
/// and SRT (SubRip) files.
///
/// The `WEBVTT` header (and its metadata lines) may be missing. NOTE, STYLE and REGION blocks are
/// skipped. A cue is an optional id line (a number, or Teams' `GUID/12-0`), a timing line
/// (`00:01:02.500 --> 00:01:04.000`, hours optional, cue settings after it ignored) and payload
/// lines up to a blank line, joined with spaces (subtitle line breaks are layout). The speaker is
/// the voice span (`<v Aino Virtanen>text</v>`, as Teams writes it; `</v>` may be missing), else a
/// `Name: text` prefix (as Zoom writes it; see `SpeakerPrefix`), else none. A payload with several
/// voices gives a cue per voice, all with the cue's times. Other tags are removed and character
/// references decoded. Broken times, a cue ending before it starts, or a cue starting before the
/// one above it are errors naming the line.
///
/// SRT is read the same way: its cue numbers are id lines, its times have a comma
/// (`00:00:01,000`), and a speaker may also be written `[Name] text`.
public struct SubtitleParser<Lines: TranscriptLineSource>: TranscriptCueSource {
    private var lines: PeekingLines<Lines>
    private let file: String
    private var started = false
    private var waiting: [TranscriptCue] = []
    private var previous: (ms: Int, line: Int)?
    /// Whether `[Name] text` names a speaker (SRT).
    private let brackets: Bool

    /// Reads WebVTT (or, with `srt`, SRT) cues from `lines`; `file` names them in errors.
    public init(lines: Lines, file: String, srt: Bool = false) {
        self.lines = PeekingLines(lines)
        self.file = file
        brackets = srt
    }

    public mutating func nextCue() throws -> TranscriptCue? {
        if !waiting.isEmpty { return waiting.removeFirst() }
        if !started { try skipHeader() }
        while let raw = try lines.next() {
            let line = UnicodeText.trimmed(raw)
            if line.isEmpty { continue }
            if Self.startsBlock(line, "NOTE") || Self.startsBlock(line, "STYLE") || Self.startsBlock(line, "REGION") {
                try skipBlock()
                continue
            }
            var timingLine = line
            if !CueTiming.isTimingLine(line) {
                let idLine = lines.lineNumber
                guard let next = try lines.next(), CueTiming.isTimingLine(next) else {
                    throw RoundtableError.rule("\(file):\(idLine): expected a cue: an optional id line, then a timing line "
                        + "'start --> end'; found '\(Self.quoted(line))'")
                }
                timingLine = next
            }
            let number = lines.lineNumber
            let timing = try CueTiming.parse(timingLine, file: file, number: number)
            try CueTiming.checkOrder(timing.start, after: previous, file: file, number: number)
            previous = (timing.start, number)
            var payload: [String] = []
            while let text = try lines.next() {
                if UnicodeText.trimmed(text).isEmpty { break }
                // A cue's text may not hold "-->": such a line starts the next cue (a blank line was lost).
                if CueTiming.isTimingLine(text) {
                    lines.pushBack(text)
                    break
                }
                payload.append(text)
            }
            waiting = Self.cues(payload.joined(separator: " "), line: number, timing: timing, brackets: brackets)
            if !waiting.isEmpty { return waiting.removeFirst() }
        }
        return nil
    }

    /// The cues one payload makes: one per voice, or one with a `Name:` speaker or none.
    static func cues(_ payload: String, line: Int, timing: CueTiming, brackets: Bool) -> [TranscriptCue] {
        CueText.segments(payload).map { segment in
            var speaker = segment.voice
            var text = segment.text
            if speaker == nil, let prefix = SpeakerPrefix.split(text, brackets: brackets) {
                (speaker, text) = (prefix.speaker, prefix.text)
            }
            return TranscriptCue(line: line, speaker: speaker, startMs: timing.start, endMs: timing.end,
                                 text: UnicodeText.composed(text))
        }.filter { !$0.text.isEmpty }
    }

    private mutating func skipHeader() throws {
        started = true
        guard let first = try lines.next() else { return }
        let line = first.unicodeScalars.first == "\u{FEFF}" ? String(first.unicodeScalars.dropFirst()) : first
        if Self.startsBlock(line, "WEBVTT") {
            try skipBlock()
        } else {
            lines.pushBack(line)
        }
    }

    /// Skips to the blank line that ends the current block.
    private mutating func skipBlock() throws {
        while let line = try lines.next(), !UnicodeText.trimmed(line).isEmpty {}
    }

    /// Whether `line` is `keyword` alone or followed by white space.
    static func startsBlock(_ line: String, _ keyword: String) -> Bool {
        guard line.hasPrefix(keyword) else { return false }
        let next = line.dropFirst(keyword.count).first
        return next == nil || next == " " || next == "\t"
    }

    /// The start of a line, for an error message.
    static func quoted(_ line: String) -> String {
        line.count > 60 ? String(line.prefix(57)) + "..." : line
    }
}

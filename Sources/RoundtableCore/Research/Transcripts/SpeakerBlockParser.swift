import Foundation

/// Reads transcripts made of speaker blocks, as Otter.ai exports text and Microsoft Teams writes
/// .docx transcripts: a line `Speaker 1  0:03` or `Aino Virtanen   1:02:03` (a name, a tab or two
/// or more spaces, and a time `m:ss` or `h:mm:ss` ending the line), then the lines said, joined
/// with line breaks, until the next such line.
///
/// In Otter's text a speaker line starts the file or follows a blank line, so a line of speech
/// that happens to end in a time is still speech; text before the first speaker line is an error.
/// In Teams' document each paragraph is a line and speaker lines may follow text directly; the
/// title, date and length paragraphs before the first speaker line are passed over. A block's time
/// is its start; it has no end. Times may not go back.
public struct SpeakerBlockParser<Lines: TranscriptLineSource>: TranscriptCueSource {
    private var lines: PeekingLines<Lines>
    private let file: String
    private let teams: Bool
    private var previous: (ms: Int, line: Int)?
    private var afterBlank = true

    /// Reads Otter text (or, with `teams`, the paragraphs of a Teams document) from `lines`.
    public init(lines: Lines, file: String, teams: Bool = false) {
        self.lines = PeekingLines(lines)
        self.file = file
        self.teams = teams
    }

    public mutating func nextCue() throws -> TranscriptCue? {
        var cue: TranscriptCue?
        var text: [String] = []
        func finished() -> TranscriptCue? {
            guard var cue, !text.isEmpty else { return nil }
            cue.text = UnicodeText.composed(text.joined(separator: "\n"))
            return cue
        }
        while let raw = try lines.next() {
            let line = CueText.collapsed(raw.unicodeScalars.first == "\u{FEFF}" ? String(raw.unicodeScalars.dropFirst()) : raw)
            defer { afterBlank = line.isEmpty }
            if line.isEmpty { continue }
            if teams || afterBlank || cue == nil, let head = Self.speakerLine(raw) {
                if cue != nil {
                    if let done = finished() {
                        lines.pushBack(raw)
                        afterBlank = true
                        return done
                    }
                }
                try CueTiming.checkOrder(head.ms, after: previous, file: file, number: lines.lineNumber)
                previous = (head.ms, lines.lineNumber)
                cue = TranscriptCue(line: lines.lineNumber, speaker: head.speaker, startMs: head.ms, endMs: nil, text: "")
                text = []
                continue
            }
            guard cue != nil else {
                if teams { continue }
                throw RoundtableError.rule("\(file):\(lines.lineNumber): text before the first speaker line; "
                    + "an Otter transcript starts with a line such as 'Speaker 1  0:03'")
            }
            text.append(line)
        }
        return finished()
    }

    /// The speaker and start of a speaker line, or nil when `line` is something else.
    static func speakerLine(_ line: String) -> (speaker: String, ms: Int)? {
        let trimmed = line.drop { $0 == "\u{FEFF}" || $0 == " " }.reversed().drop { $0.isWhitespace }.reversed()
        guard let gap = trimmed.lastIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
        let time = String(trimmed[trimmed.index(after: gap)...])
        let before = trimmed[..<gap]
        let name = before.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        let separator = before.count - name.count + 1
        guard separator >= 2 || trimmed[gap] == "\t" || before.last == "\t",
              let ms = TranscriptText.milliseconds(Substring(time)), time.contains(":"),
              SpeakerPrefix.plausible(String(name)) else { return nil }
        return (UnicodeText.composed(CueText.collapsed(String(name))), ms)
    }
}

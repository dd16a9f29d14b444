import Foundation

/// One subtitle: who speaks, from when to when (milliseconds into the recording), and what.
public struct SubtitleCue: Sendable, Equatable {
    /// A name for the cue that a WebVTT file carries (the utterance key); SRT numbers cues instead.
    public var identifier: String
    public var startMs: Int
    public var endMs: Int
    /// The speaker as shown; empty for none.
    public var speaker: String
    public var text: String

    /// Creates a cue.
    public init(identifier: String, startMs: Int, endMs: Int, speaker: String, text: String) {
        self.identifier = identifier
        self.startMs = startMs
        self.endMs = endMs
        self.speaker = speaker
        self.text = text
    }

    /// Where a turn's cue ends: its own end when after its start; else the next turn's start when
    /// after its start, but no more than `longestGuess` after it (a pause or a break in the recording
    /// must not keep the words on screen); else the start plus `estimatedDuration` for its text.
    public static func end(start: Int, end: Int?, nextStart: Int?, text: String) -> Int {
        if let end, end > start { return end }
        if let nextStart, nextStart > start { return min(nextStart, start + longestGuess) }
        return start + estimatedDuration(length: text.unicodeScalars.count)
    }

    /// The longest a cue without its own end is shown: a minute.
    public static let longestGuess = 60_000

    /// How long a turn of `length` Unicode scalars is taken to last when nothing says: 80 ms a
    /// character (about 150 words a minute read aloud), at least 1 s and at most 60 s.
    public static func estimatedDuration(length: Int) -> Int {
        min(max(1_000, length.multipliedReportingOverflow(by: 80).partialValue), longestGuess)
    }
}

/// Writes cues as WebVTT (W3C) or SubRip (.srt) text for video players.
///
/// A cue's text keeps its lines but never an empty one (a blank line ends a cue in both formats).
/// WebVTT escapes `&`, `<` and `>` (so `-->` cannot occur in a cue) and names the speaker in a
/// voice span, `<v Åsa Lindqvist>…</v>`; SRT, which has no escapes, writes `Speaker: text` and
/// turns an arrow `-->` in the text into `->`.
public enum SubtitleWriter {
    /// A WebVTT file: the `WEBVTT` header, then each cue with its identifier and timings.
    public static func webVTT(_ cues: [SubtitleCue]) -> String {
        var out = "WEBVTT\n"
        for cue in cues {
            out += "\n"
            if !cue.identifier.isEmpty { out += oneLine(cue.identifier).replacingOccurrences(of: "-->", with: "->") + "\n" }
            out += timestamp(cue.startMs, ".") + " --> " + timestamp(cue.endMs, ".") + "\n"
            let text = lines(cue.text).map(escaped).joined(separator: "\n")
            out += cue.speaker.isEmpty ? text : "<v \(escaped(oneLine(cue.speaker)))>\(text)</v>"
            out += "\n"
        }
        return out
    }

    /// A SubRip file: numbered cues, comma before the milliseconds, `Speaker: text`.
    public static func srt(_ cues: [SubtitleCue]) -> String {
        var out = ""
        for (index, cue) in cues.enumerated() {
            if index > 0 { out += "\n" }
            out += "\(index + 1)\n"
            out += timestamp(cue.startMs, ",") + " --> " + timestamp(cue.endMs, ",") + "\n"
            let speaker = oneLine(cue.speaker)
            var text = lines(cue.text).joined(separator: "\n")
            if !speaker.isEmpty { text = speaker + ": " + text }
            while text.contains("-->") { text = text.replacingOccurrences(of: "-->", with: "->") }
            out += text + "\n"
        }
        return out
    }

    /// `HH:MM:SS.mmm` (or with a comma for SRT); hours grow past two digits when they must.
    static func timestamp(_ milliseconds: Int, _ separator: String) -> String {
        let ms = max(0, milliseconds)
        let hours = ms / 3_600_000
        return padded(hours, 2) + ":" + padded(ms / 60_000 % 60, 2) + ":" + padded(ms / 1000 % 60, 2) + separator
            + padded(ms % 1000, 3)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The text's lines, each trimmed, empty ones left out.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { UnicodeText.trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    private static func oneLine(_ text: String) -> String {
        lines(text).joined(separator: " ")
    }

    /// WebVTT's three escapes for cue text and voice names.
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

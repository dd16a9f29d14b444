import Foundation

/// One speaker turn read from a plain-text transcript.
public struct TranscriptTurn: Sendable, Equatable {
    /// The 1-based line the turn starts on.
    public var line: Int
    /// The speaker label as written, trimmed and composed (NFC).
    public var speaker: String
    /// When the turn starts, in milliseconds from the start of the recording, if the line said.
    public var startMilliseconds: Int?
    /// When the turn ends, if the file said (subtitle cues do; plain text does not).
    public var endMilliseconds: Int?
    /// What was said, composed (NFC) and trimmed; continuation lines are joined with "\n".
    public var text: String

    /// Creates a turn.
    public init(line: Int, speaker: String, startMilliseconds: Int? = nil, endMilliseconds: Int? = nil, text: String) {
        self.line = line
        self.speaker = speaker
        self.startMilliseconds = startMilliseconds
        self.endMilliseconds = endMilliseconds
        self.text = text
    }
}

/// Reads plain-text transcripts made of `Speaker: text` turns, with optional timestamps.
///
/// A turn is a line `Speaker: text`, optionally with a timestamp `[hh:mm:ss]`, `[mm:ss]` or
/// `[h:mm:ss.mmm]` before the speaker (`[00:12:05] Äijälä: Hello`) or right after it
/// (`Äijälä [00:12:05]: Hello`). Anything before the first ':' is taken as a speaker when it is
/// at most 60 characters, contains no '[' and is not purely digits, so a line such as
/// `Note: http://x` starts a turn by "Note"; a colon between digits is a clock time, so
/// `at 10:15 we start` continues the turn. Other lines continue the previous turn; blank lines
/// are ignored; a byte order mark is dropped and LF, CRLF and CR line ends are all accepted.
public enum TranscriptText {
    /// The longest label, in characters, read as a speaker; longer prefixes are ordinary text.
    public static let maximumSpeakerLength = 60

    /// Parses `text`, naming `file` and the line number in every error message.
    public static func parse(_ text: String, file: String) throws -> [TranscriptTurn] {
        var parser = PlainTextParser(lines: StringLines(text), file: file)
        var turns: [TranscriptTurn] = []
        while let turn = try parser.next() { turns.append(turn) }
        return turns
    }

    /// The start of a turn line: speaker, optional timestamp and the text after the colon.
    struct Head {
        var speaker: String
        var start: Int?
        var text: Substring
    }

    /// Reads `line` as the start of a turn, or returns nil when it continues the previous one.
    static func turnHead(_ line: String, file: String, number: Int) throws -> Head? {
        var rest = Substring(line)
        var start: Int?
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            start = try timestamp(rest[rest.startIndex...close], file: file, number: number)
            guard start != nil else { return nil }
            rest = rest[rest.index(after: close)...].drop { $0.isWhitespace }
        }
        guard let stop = rest.firstIndex(where: { $0 == ":" || $0 == "[" }) else { return nil }
        // A colon between digits is a clock time ("at 10:15 we start", "17:30: ok"), never a speaker's.
        if rest[stop] == ":", rest[..<stop].last?.isASCII == true, rest[..<stop].last?.isNumber == true,
           rest[rest.index(after: stop)...].first?.isNumber == true { return nil }
        let label = UnicodeText.trimmed(String(rest[..<stop]))
        var colon = stop
        if rest[stop] == "[" {
            // Only `Speaker [timestamp]:` is a turn; a bracket anywhere else is ordinary text.
            guard start == nil, let close = rest[stop...].firstIndex(of: "]") else { return nil }
            let tail = rest[rest.index(after: close)...].drop { $0.isWhitespace }
            guard tail.first == ":" else { return nil }
            start = try timestamp(rest[stop...close], file: file, number: number)
            guard start != nil else { return nil }
            colon = tail.startIndex
        }
        guard !label.isEmpty, label.count <= maximumSpeakerLength,
              !label.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Head(speaker: label, start: start, text: rest[rest.index(after: colon)...])
    }

    /// The milliseconds of a bracketed timestamp, nil when the bracket holds ordinary text, and an
    /// error when it holds digits and colons that do not make a valid time.
    static func timestamp(_ bracket: Substring, file: String, number: Int) throws -> Int? {
        let inside = bracket.dropFirst().dropLast()
        if let milliseconds = milliseconds(inside) { return milliseconds }
        guard inside.contains(":"), inside.allSatisfy({ $0 == ":" || $0 == "." || $0.isASCII && $0.isNumber }) else { return nil }
        throw RoundtableError.rule("\(file):\(number): \(bracket) is not a timestamp; use [hh:mm:ss], [mm:ss] or [h:mm:ss.mmm]")
    }

    /// Reads a `--at` style time such as `00:12:05`, `12:05` or `0:12:05.250` (brackets allowed).
    public static func parseTimestamp(_ text: String) throws -> Int {
        var inside = Substring(UnicodeText.trimmed(text))
        if inside.first == "[", inside.last == "]" { inside = inside.dropFirst().dropLast() }
        guard let milliseconds = milliseconds(inside) else {
            throw RoundtableError.usage("time '\(text)' must look like 00:12:05, 12:05 or 0:12:05.250")
        }
        return milliseconds
    }

    /// Formats milliseconds as `hh:mm:ss`, adding `.mmm` when there is a fraction of a second.
    public static func formatTimestamp(_ ms: Int) -> String {
        let magnitude = ms.magnitude
        let hours = magnitude / 3_600_000
        let minutes = magnitude / 60_000 % 60
        let seconds = magnitude / 1000 % 60
        let fraction = magnitude % 1000
        var result = (ms < 0 ? "-" : "") + padded(hours, 2) + ":" + padded(minutes, 2) + ":" + padded(seconds, 2)
        if fraction != 0 { result += "." + padded(fraction, 3) }
        return result
    }

    /// `value` in decimal with leading zeros up to `width` digits.
    private static func padded(_ value: UInt, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Parses `h:mm:ss[.fff]` or `m:ss[.fff]`; the leading field has 1–4 digits and no upper limit
    /// (so `75:30` is 75 minutes), the others exactly two digits below 60; 1–3 fraction digits.
    static func milliseconds(_ text: Substring) -> Int? {
        var fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3 else { return nil }
        var fraction = 0
        let last = fields[fields.count - 1]
        if let dot = last.firstIndex(of: ".") {
            let digits = last[last.index(after: dot)...]
            guard (1...3).contains(digits.count), let value = decimal(digits) else { return nil }
            fraction = value * [100, 10, 1][digits.count - 1]
            fields[fields.count - 1] = last[..<dot]
        }
        guard (1...4).contains(fields[0].count), let leading = decimal(fields[0]) else { return nil }
        var total = leading
        for field in fields.dropFirst() {
            guard field.count == 2, let value = decimal(field), value < 60 else { return nil }
            total = total * 60 + value
        }
        return total * 1000 + fraction
    }

    /// The value of a run of ASCII digits, or nil when anything else is in it.
    private static func decimal(_ digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(digits)
    }
}

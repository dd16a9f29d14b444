import Foundation

/// One timed piece of speech as a meeting tool writes it: a subtitle cue, or a speaker block.
public struct TranscriptCue: Sendable, Equatable {
    /// The 1-based line the cue starts on (its timing line, or its speaker line).
    public var line: Int
    /// The speaker the cue names, trimmed and composed (NFC); nil when it names none.
    public var speaker: String?
    /// When the cue starts and ends, in milliseconds from the start of the recording.
    public var startMs: Int?
    public var endMs: Int?
    /// What was said, with markup removed and white space collapsed.
    public var text: String

    /// Creates a cue.
    public init(line: Int, speaker: String?, startMs: Int?, endMs: Int?, text: String) {
        self.line = line
        self.speaker = speaker
        self.startMs = startMs
        self.endMs = endMs
        self.text = text
    }
}

/// Lines of a transcript file, read one at a time so that a parser never holds the whole file.
public protocol TranscriptLineSource {
    /// The next line without its line end, or nil after the last one.
    mutating func nextLine() throws -> String?
    /// The 1-based number of the line `nextLine` returned last.
    var lineNumber: Int { get }
}

/// Cues handed over one at a time, in file order.
public protocol TranscriptCueSource {
    /// The next cue, or nil after the last one.
    mutating func nextCue() throws -> TranscriptCue?
}

/// The lines of a string in memory (LF, CRLF and CR line ends; a leading byte order mark dropped).
public struct StringLines: TranscriptLineSource {
    private let lines: [Substring]
    private var index = 0

    /// Splits `text` into lines.
    public init(_ text: String) {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    public var lineNumber: Int { index }

    public mutating func nextLine() throws -> String? {
        guard index < lines.count else { return nil }
        index += 1
        return String(lines[index - 1])
    }
}

/// A line source that can give back the line it read last, for parsers that look one line ahead.
struct PeekingLines<Lines: TranscriptLineSource> {
    private var lines: Lines
    private var pushed: (text: String, number: Int)?
    private(set) var lineNumber = 0

    init(_ lines: Lines) { self.lines = lines }

    /// The next line with its number, or nil after the last one.
    mutating func next() throws -> String? {
        if let pushed {
            self.pushed = nil
            lineNumber = pushed.number
            return pushed.text
        }
        guard let line = try lines.nextLine() else { return nil }
        lineNumber = lines.lineNumber
        return line
    }

    /// Makes `line` (the one just read) the next one again.
    mutating func pushBack(_ line: String) {
        pushed = (line, lineNumber)
    }
}

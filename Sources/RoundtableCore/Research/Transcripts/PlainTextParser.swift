import Foundation

/// Reads a plain-text transcript (`TranscriptText`'s rules) a turn at a time, so a file of any
/// length is never held whole: a turn is handed over when the next one starts.
public struct PlainTextParser<Lines: TranscriptLineSource> {
    private var lines: Lines
    private let file: String
    private var current: TranscriptTurn?
    private var pending: [String] = []
    private var latest: (milliseconds: Int, line: Int)?
    private var first = true
    /// How many turns were read so far.
    public private(set) var count = 0

    /// Reads turns from `lines`; `file` names them in errors.
    public init(lines: Lines, file: String) {
        self.lines = lines
        self.file = file
    }

    /// The next turn, or nil after the last one.
    public mutating func next() throws -> TranscriptTurn? {
        while var raw = try lines.nextLine() {
            if first {
                first = false
                if raw.unicodeScalars.first == "\u{FEFF}" { raw = String(raw.unicodeScalars.dropFirst()) }
            }
            let number = lines.lineNumber
            let line = UnicodeText.trimmed(raw)
            if line.isEmpty { continue }
            guard let head = try TranscriptText.turnHead(line, file: file, number: number) else {
                guard current != nil else {
                    throw RoundtableError.rule("\(file):\(number): text before the first turn; a turn starts with 'Speaker: text'")
                }
                pending.append(line)
                continue
            }
            if let start = head.start {
                if let latest, start < latest.milliseconds {
                    throw RoundtableError.rule("\(file):\(number): timestamp \(TranscriptText.formatTimestamp(start)) is earlier than "
                        + "\(TranscriptText.formatTimestamp(latest.milliseconds)) on line \(latest.line)")
                }
                latest = (start, number)
            }
            let done = finish()
            current = TranscriptTurn(line: number, speaker: UnicodeText.composed(head.speaker),
                                     startMilliseconds: head.start, text: "")
            let text = UnicodeText.trimmed(String(head.text))
            if !text.isEmpty { pending.append(text) }
            if let done { return done }
        }
        return finish()
    }

    /// The turn being read, with its text, and none being read any more.
    private mutating func finish() -> TranscriptTurn? {
        guard var turn = current else { return nil }
        turn.text = UnicodeText.composed(pending.joined(separator: "\n"))
        pending.removeAll()
        current = nil
        count += 1
        return turn
    }
}

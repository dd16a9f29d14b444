import Foundation

/// Makes turns of cues: consecutive cues by one speaker become one turn, starting when its first
/// cue starts and ending when its last one ends, its texts joined by `separator` (a space for
/// subtitle cues, which break sentences anywhere; a line break for speaker blocks, which are
/// paragraphs). A cue that names no speaker continues the speaker before it; before any speaker
/// is named it is `unknownSpeaker`'s. A turn that would pass the longest text an utterance may
/// hold is ended there and the speaker's next cue starts a new one.
public struct CueMerger<Cues: TranscriptCueSource> {
    /// The label of speech no cue has yet attributed to anybody.
    public static var unknownSpeaker: String { "Unknown speaker" }
    /// The longest turn made, in Unicode scalars (an utterance's limit).
    public static var maximumLength: Int { 10_000 }

    private var cues: Cues
    private let separator: String
    private var current: TranscriptTurn?
    private var currentLength = 0
    private var speaker: String?
    /// How many cues were read so far.
    public private(set) var cueCount = 0

    /// Merges the cues of `cues`, joining texts with `separator`.
    public init(_ cues: Cues, separator: String) {
        self.cues = cues
        self.separator = separator
    }

    /// The next turn, or nil after the last one.
    public mutating func next() throws -> TranscriptTurn? {
        while let cue = try cues.nextCue() {
            cueCount += 1
            let who = cue.speaker ?? speaker ?? Self.unknownSpeaker
            speaker = who
            let length = cue.text.unicodeScalars.count
            if var turn = current, turn.speaker == who,
               currentLength + separator.unicodeScalars.count + length <= Self.maximumLength {
                turn.text += separator + cue.text
                turn.endMilliseconds = cue.endMs ?? turn.endMilliseconds
                currentLength += separator.unicodeScalars.count + length
                current = turn
                continue
            }
            let done = current
            current = TranscriptTurn(line: cue.line, speaker: who, startMilliseconds: cue.startMs, text: cue.text)
            current?.endMilliseconds = cue.endMs
            currentLength = length
            if let done { return done }
        }
        defer { current = nil }
        return current
    }
}

import Foundation

/// The session a transcript document belongs to.
public struct TranscriptHeader: Sendable, Equatable {
    public var session: EntityKey
    public var title: String
    public var start: Date
    public var timeZone: String
    /// Whether participants' names were replaced by codes such as P01.
    public var pseudonymized: Bool

    /// Creates a header.
    public init(session: EntityKey, title: String, start: Date, timeZone: String, pseudonymized: Bool) {
        self.session = session
        self.title = title
        self.start = start
        self.timeZone = timeZone
        self.pseudonymized = pseudonymized
    }
}

/// One utterance as a transcript document carries it: the speaker as shown, and its codings.
public struct TranscriptEntry: Sendable, Equatable {
    /// The utterance; a pseudonymized transcript has no participant id on it.
    public var utterance: Utterance
    public var speaker: String
    public var codings: [Coding]
    /// Where the entry starts in the file it was read from (0 when written, not read).
    public var line: Int

    /// Creates an entry.
    public init(utterance: Utterance, speaker: String, codings: [Coding], line: Int = 0) {
        self.utterance = utterance
        self.speaker = speaker
        self.codings = codings
        self.line = line
    }
}

/// Receives one session's transcript: the header, the codes its codings use, then the utterances in order.
public protocol TranscriptSink {
    func header(_ header: TranscriptHeader) throws
    func codebook(_ codes: [Code]) throws
    func entry(_ entry: TranscriptEntry) throws
}

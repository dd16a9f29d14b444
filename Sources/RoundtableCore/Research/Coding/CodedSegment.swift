import Foundation

/// One coding of a transcript turn, with where it sits and who said it: a row of `export segments`.
public struct CodedSegment: Sendable, Equatable {
    /// The session, such as `S-0001`.
    public var session: EntityKey
    /// When the session started.
    public var sessionStart: Date
    /// The IANA zone the session was planned in, which its start is shown in.
    public var sessionTimeZone: String
    /// The turn, such as `U-000012`.
    public var utterance: EntityKey
    /// When the turn starts in the recording, in milliseconds; nil when not known.
    public var utteranceStartMs: Int?
    /// The speaker's key (`P-000001`, `M-0001`, or a study code such as `P01` when pseudonymized);
    /// nil for an observer or a label that names nobody.
    public var speakerKey: String?
    /// The speaker as the transcript labels them.
    public var speaker: String
    /// The speaking participant's attributes by name (none for anyone else).
    public var attributes: [String: String]
    /// The code's path, such as `Channel/Phone`.
    public var codePath: String
    /// Who applied the code.
    public var coder: String
    /// The coded span in Unicode scalars, end exclusive; the whole turn for a whole-turn coding.
    public var span: TextSpan
    /// Whether the coding covers the whole turn rather than a span of it.
    public var isWholeUtterance: Bool
    /// The coded text.
    public var text: String

    /// Creates a segment.
    public init(session: EntityKey, sessionStart: Date, sessionTimeZone: String, utterance: EntityKey, utteranceStartMs: Int?,
                speakerKey: String?, speaker: String, attributes: [String: String], codePath: String, coder: String,
                span: TextSpan, isWholeUtterance: Bool, text: String) {
        self.session = session
        self.sessionStart = sessionStart
        self.sessionTimeZone = sessionTimeZone
        self.utterance = utterance
        self.utteranceStartMs = utteranceStartMs
        self.speakerKey = speakerKey
        self.speaker = speaker
        self.attributes = attributes
        self.codePath = codePath
        self.coder = coder
        self.span = span
        self.isWholeUtterance = isWholeUtterance
        self.text = text
    }
}

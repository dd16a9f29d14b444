import Foundation

/// One turn in a session's transcript: who spoke, when, and what they said.
public struct Utterance: Codable, Hashable, Sendable {
    public var id: Int64?
    public var sessionId: Int64
    /// Order within the session, from 1.
    public var sequence: Int
    /// The participant who spoke, when the speaker is one.
    public var participantId: Int64?
    /// The moderator who spoke, when the speaker is one.
    public var moderatorId: Int64?
    /// The speaker as shown: an observer's label, or the name the turn was recorded under.
    public var speakerLabel: String
    /// Milliseconds from the start of the session, when known.
    public var startMs: Int?
    public var endMs: Int?
    /// What was said, in composed Unicode; coding offsets count its Unicode scalars.
    public var text: String

    /// Creates an utterance.
    public init(id: Int64? = nil, sessionId: Int64, sequence: Int, participantId: Int64? = nil, moderatorId: Int64? = nil,
                speakerLabel: String, startMs: Int? = nil, endMs: Int? = nil, text: String) {
        self.id = id
        self.sessionId = sessionId
        self.sequence = sequence
        self.participantId = participantId
        self.moderatorId = moderatorId
        self.speakerLabel = speakerLabel
        self.startMs = startMs
        self.endMs = endMs
        self.text = text
    }

    /// `U-000001`.
    public var key: EntityKey { EntityKey(.utterance, id: id ?? 0) }

    /// The length of the text in Unicode scalars, the unit coding spans count in.
    public var scalarCount: Int { text.unicodeScalars.count }
}

/// Who an utterance is attributed to.
public enum Speaker: Hashable, Sendable {
    case participant(Int64)
    case moderator(Int64)
    /// Anyone else (an observer, "Client", "Unknown"), by the label given.
    case label(String)
}

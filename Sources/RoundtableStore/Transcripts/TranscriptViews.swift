import Foundation
import RoundtableCore

/// A transcript speaker label that was matched to exactly one person in the session.
public struct MatchedSpeaker: Sendable, Equatable {
    /// The label as written in the file.
    public var label: String
    /// The participant or moderator it stands for.
    public var key: EntityKey
    /// How many turns carry the label.
    public var turns: Int
}

/// A transcript speaker label that fits nobody in the session; its turns keep the label.
public struct UnmatchedSpeaker: Sendable, Equatable {
    /// The label as written in the file.
    public var label: String
    /// The line of its first turn.
    public var line: Int
    /// How many turns carry the label.
    public var turns: Int
}

/// A transcript speaker label that fits several people equally well; its turns keep the label.
public struct AmbiguousSpeaker: Sendable, Equatable {
    /// The label as written in the file.
    public var label: String
    /// The line of its first turn.
    public var line: Int
    /// How many turns carry the label.
    public var turns: Int
    /// The people it could stand for.
    public var candidates: [Candidate]

    /// A person a label could stand for.
    public struct Candidate: Sendable, Equatable {
        /// The participant's or moderator's key.
        public var key: EntityKey
        /// Their name, or nil for a forgotten participant.
        public var name: String?
    }
}

/// What `transcript import` did.
public struct TranscriptImportReport: Sendable {
    /// The session the transcript now belongs to.
    public var session: EntityKey
    /// How many utterances were imported.
    public var utterances: Int
    /// How many earlier utterances `replace` removed.
    public var replacedUtterances: Int
    /// How many codings went with the removed utterances.
    public var removedCodings: Int
    /// Labels attributed to a person, in order of first appearance.
    public var matched: [MatchedSpeaker]
    /// Labels that fit nobody, in order of first appearance.
    public var unmatched: [UnmatchedSpeaker]
    /// Labels that fit several people, in order of first appearance.
    public var ambiguous: [AmbiguousSpeaker]
    /// How many cues the file held (subtitle cues or speaker blocks; turns for Roundtable's formats).
    public var cues = 0
    /// Speaker mappings whose label no turn carried.
    public var unusedMappings: [SpeakerMapping] = []
}

/// One utterance as `transcript show` presents it.
public struct TranscriptLine: Sendable {
    /// The stored utterance.
    public var utterance: Utterance
    /// The participant or moderator who spoke, when known.
    public var speakerKey: EntityKey?
    /// The start of the next turn in the whole transcript that starts after this one, when any
    /// does: where a subtitle for a turn without an end stops.
    public var nextStartMs: Int? = nil

    /// `U-000001`.
    public var key: EntityKey { utterance.key }

    /// The start as `hh:mm:ss`, when known.
    public var time: String? { utterance.startMs.map(TranscriptText.formatTimestamp) }
}

/// A session's transcript in order.
public struct Transcript: Sendable {
    /// The session spoken in.
    public var session: Session
    /// Its utterances by sequence.
    public var lines: [TranscriptLine]
}

/// One utterance found by `transcript search`.
public struct TranscriptHit: Sendable {
    /// The session it was said in.
    public var session: EntityKey
    /// That session's title.
    public var sessionTitle: String
    /// When that session started.
    public var sessionStart: Date
    /// The utterance found.
    public var utterance: EntityKey
    /// Milliseconds into the session, when known.
    public var startMs: Int?
    /// The speaker as shown.
    public var speakerLabel: String
    /// The participant or moderator who spoke, when known.
    public var speakerKey: EntityKey?
    /// The matching words in context, marked `[like this]`, with `…` where text was cut.
    public var snippet: String

    /// The start as `hh:mm:ss`, when known.
    public var time: String? { startMs.map(TranscriptText.formatTimestamp) }
}

extension Utterance {
    /// The participant or moderator the utterance is attributed to, when it is.
    var speakerKey: EntityKey? {
        if let participantId { return EntityKey(.participant, id: participantId) }
        if let moderatorId { return EntityKey(.moderator, id: moderatorId) }
        return nil
    }
}

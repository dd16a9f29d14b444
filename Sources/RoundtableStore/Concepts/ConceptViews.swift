import Foundation
import RoundtableCore

/// A concept with how often it was shown and answered, for listings.
public struct ConceptSummary: Sendable {
    /// The concept itself.
    public var concept: Concept
    /// Sessions the concept was presented in.
    public var sessions: Int
    /// Reactions to it across those sessions.
    public var reactions: Int
}

/// A concept, every session it was shown in, and its scores across them.
public struct ConceptDetails: Sendable {
    /// The concept itself.
    public var concept: Concept
    /// Where it was shown, in session start order.
    public var showings: [ConceptShowing]
    /// Scores over every reaction in every session.
    public var score: ConceptScore
}

/// One session a concept was shown in, at which position, and how it scored there.
public struct ConceptShowing: Sendable {
    /// The session that showed it.
    public var session: Session
    /// Its place in that session's order, 1 = first.
    public var position: Int
    /// Scores from this session's reactions only.
    public var score: ConceptScore
}

/// A concept at its place in a session's order.
public struct PresentedConcept: Sendable, Equatable {
    /// The stored presentation: session, concept and position.
    public var presentation: Presentation
    /// The concept shown.
    public var concept: Concept

    /// 1 for the concept shown first.
    public var position: Int { presentation.position }
}

/// What `react` stored, and what it replaced.
public struct RecordedReaction: Sendable {
    /// The reaction as stored, with its id (key `R-0001`).
    public var reaction: Reaction
    /// What the earlier answer was and what replacing it changed; nil for a first answer.
    public var replacement: ReactionReplacement?

    /// True when the same person had already reacted to this concept in this session.
    public var replaced: Bool { replacement != nil }
}

/// A reaction replaced by a correction: the earlier answers, what changed, and what went with them.
public struct ReactionReplacement: Sendable {
    /// The reaction as it was before.
    public var earlier: Reaction
    /// The answers that changed, in question order; empty when the correction repeated them.
    public var changes: [Reaction.Change]
    /// Codings of the earlier comment, removed because the comment changed (their spans pointed into
    /// its text); a comment given again unchanged keeps its codings.
    public var removedCodings: [CodedSpan]
}

/// `react` refused a second answer from the same person to the same concept in the same session,
/// because no replacement was asked for; it carries the answer already recorded.
public struct ReactionAlreadyRecorded: Error, Sendable {
    public var session: EntityKey
    public var concept: String
    public var participant: EntityKey
    /// The reaction on record.
    public var existing: Reaction
    /// How many codings its comment carries.
    public var codings: Int
}

import Foundation
import RoundtableCore

/// How one concept scored: appeal and intent means with 95% intervals, their top-2-box shares with
/// Wilson intervals, NPS (with its interval) and expectations.
public struct ConceptScore: Sendable, Equatable {
    /// The concept's key, such as `eco-box`.
    public var key: String
    /// The concept's title.
    public var title: String
    /// The concept's place in the session's order, for scores of one session; nil across sessions.
    public var position: Int?
    /// How many reactions were counted.
    public var n: Int
    /// Appeal, 1–5.
    public var appeal: ScoreSummary
    /// Purchase intent, 1–5.
    public var intent: ScoreSummary
    /// Appeal answers of 4 or 5.
    public var appealTopTwo: WilsonInterval
    /// Purchase intent answers of 4 or 5.
    public var intentTopTwo: WilsonInterval
    /// Net Promoter Score of the 0–10 would-recommend answers.
    public var nps: NetPromoterScore
    /// Expectation against experience; counts only reactions that answered it.
    public var expectation: ExpectationTally

    /// Scores `reactions` to `concept`; throws only on answers outside their scales (bad data).
    public init(concept: Concept, position: Int? = nil, reactions: [Reaction]) throws {
        key = concept.key
        title = concept.title
        self.position = position
        n = reactions.count
        appeal = ScoreSummary(reactions.map(\.appeal))
        intent = ScoreSummary(reactions.map(\.intent))
        appealTopTwo = WilsonInterval.topTwoBox(reactions.map(\.appeal))
        intentTopTwo = WilsonInterval.topTwoBox(reactions.map(\.intent))
        nps = try NetPromoterScore(reactions.map(\.recommend))
        expectation = try ExpectationTally(reactions.compactMap(\.expectation))
    }
}

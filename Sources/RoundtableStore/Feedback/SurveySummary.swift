import Foundation
import RoundtableCore

/// Survey responses summarised: a mean with its interval per dimension, the NPS, and how many
/// responses mention problems or other needs.
public struct SurveySummary: Sendable {
    /// How many responses were summarised.
    public var n: Int
    /// Product or service quality, 1–5.
    public var quality: ScoreSummary
    /// Delivery speed and responsiveness, 1–5.
    public var speed: ScoreSummary
    /// Price and value, 1–5.
    public var price: ScoreSummary
    /// Trust, 1–5.
    public var trust: ScoreSummary
    /// The would-recommend answers as a Net Promoter Score.
    public var recommend: NetPromoterScore
    /// Responses that name a problem or complaint.
    public var problems: Int
    /// Responses that name another need.
    public var needs: Int

    /// Summarises `responses`.
    public init(_ responses: [SurveyResponse]) throws {
        n = responses.count
        quality = ScoreSummary(responses.map(\.quality))
        speed = ScoreSummary(responses.map(\.speed))
        price = ScoreSummary(responses.map(\.price))
        trust = ScoreSummary(responses.map(\.trust))
        recommend = try NetPromoterScore(responses.map(\.recommend))
        problems = responses.count { !($0.problems ?? "").isEmpty }
        needs = responses.count { !($0.needs ?? "").isEmpty }
    }

    /// The five-point dimensions in report order, with their names.
    public var dimensions: [(name: String, summary: ScoreSummary)] {
        [("quality", quality), ("speed", speed), ("price", price), ("trust", trust)]
    }
}

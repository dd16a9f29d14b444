import Foundation

/// The Net Promoter Score of a set of 0–10 would-recommend answers.
public struct NetPromoterScore: Sendable, Equatable {
    /// The answer scale: 0 (not at all likely) to 10 (extremely likely).
    public static let scale: ClosedRange<Int> = 0...10

    /// How many answers were counted.
    public let n: Int
    /// Answers of 9 or 10.
    public let promoters: Int
    /// Answers of 7 or 8.
    public let passives: Int
    /// Answers of 0 to 6.
    public let detractors: Int

    /// Counts `scores`, refusing any outside 0…10 as bad data.
    public init(_ scores: [Int]) throws {
        if let bad = scores.first(where: { !Self.scale.contains($0) }) {
            throw RoundtableError.rule("would-recommend score \(bad) is outside 0–10")
        }
        self.init(promoters: scores.count { $0 >= 9 },
                  passives: scores.count { $0 == 7 || $0 == 8 },
                  detractors: scores.count { $0 <= 6 })
    }

    /// Builds a score from counts already made, such as a database aggregate.
    public init(promoters: Int, passives: Int, detractors: Int) {
        precondition(promoters >= 0 && passives >= 0 && detractors >= 0, "counts cannot be negative")
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        n = promoters + passives + detractors
    }

    /// The category a single 0–10 answer falls into.
    public enum Category: String, Sendable, Equatable, CaseIterable {
        /// 9 or 10.
        case promoter
        /// 7 or 8.
        case passive
        /// 0 to 6.
        case detractor
    }

    /// The category of one answer, or nil when it is outside 0…10.
    public static func category(of score: Int) -> Category? {
        switch score {
        case 9...10: .promoter
        case 7...8: .passive
        case 0...6: .detractor
        default: nil
        }
    }

    /// 100 × (promoters − detractors) / n, from −100 to 100; nil when there are no answers.
    public var score: Double? {
        guard n > 0 else { return nil }
        // One division of exact integers: a true x.5 stays exactly x.5 for `rounded`.
        return Double(100 * (promoters - detractors)) / Double(n)
    }

    /// The score rounded to a whole number, halves away from zero (12.5 → 13, −12.5 → −13).
    public var rounded: Int? {
        score.map { Int($0.rounded(.toNearestOrAwayFromZero)) }
    }
}

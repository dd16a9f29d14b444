import Foundation
import RoundtableCore
import RoundtableStore

/// Report statistics as scripts see them: numbers rounded to four decimals, null where undefined.
enum StatisticJSON {
    /// A mean with its 95% t interval.
    struct Mean: Encodable {
        var n: Int
        @JSONNullable var mean: Double?
        @JSONNullable var sd: Double?
        @JSONNullable var low: Double?
        @JSONNullable var high: Double?

        init(_ summary: ScoreSummary) {
            n = summary.n
            mean = summary.mean.map(rounded)
            sd = summary.standardDeviation.map(rounded)
            low = summary.interval.map { rounded($0.lowerBound) }
            high = summary.interval.map { rounded($0.upperBound) }
        }
    }

    /// A share (0–1) with its 95% Wilson interval.
    struct Share: Encodable {
        var count: Int
        var n: Int
        @JSONNullable var share: Double?
        @JSONNullable var low: Double?
        @JSONNullable var high: Double?

        init(_ share: WilsonInterval) {
            count = share.count
            n = share.n
            self.share = share.share.map(rounded)
            low = share.interval.map { rounded($0.lowerBound) }
            high = share.interval.map { rounded($0.upperBound) }
        }
    }

    /// An NPS in points (−100…100) with its 95% interval and the counts behind it.
    struct NPS: Encodable {
        var n: Int
        var promoters: Int
        var passives: Int
        var detractors: Int
        @JSONNullable var score: Double?
        @JSONNullable var low: Double?
        @JSONNullable var high: Double?

        init(_ nps: NetPromoterScore) {
            n = nps.n
            promoters = nps.promoters
            passives = nps.passives
            detractors = nps.detractors
            score = nps.score.map(rounded)
            low = nps.interval.map { rounded($0.lowerBound) }
            high = nps.interval.map { rounded($0.upperBound) }
        }
    }

    /// Expectation answers below, at and above zero.
    struct Tally: Encodable {
        var n: Int
        var missed: Int
        var met: Int
        var exceeded: Int

        init(_ tally: ExpectationTally) {
            (n, missed, met, exceeded) = (tally.n, tally.missed, tally.met, tally.exceeded)
        }
    }

    /// Every score of a concept.
    struct Scores: Encodable {
        var n: Int
        var appeal: Mean
        var appealTopTwo: Share
        var intent: Mean
        var intentTopTwo: Share
        var nps: NPS
        var expectation: Tally

        init(_ score: ConceptScore) {
            n = score.n
            appeal = Mean(score.appeal)
            appealTopTwo = Share(score.appealTopTwo)
            intent = Mean(score.intent)
            intentTopTwo = Share(score.intentTopTwo)
            nps = NPS(score.nps)
            expectation = Tally(score.expectation)
        }
    }

    /// Survey answers: a mean per dimension, the NPS, and how many answers mention problems or needs.
    struct Survey: Encodable {
        var n: Int
        var quality: Mean
        var speed: Mean
        var price: Mean
        var trust: Mean
        var nps: NPS
        var problems: Int
        var needs: Int

        init(_ summary: SurveySummary) {
            n = summary.n
            quality = Mean(summary.quality)
            speed = Mean(summary.speed)
            price = Mean(summary.price)
            trust = Mean(summary.trust)
            nps = NPS(summary.recommend)
            problems = summary.problems
            needs = summary.needs
        }
    }

    /// Four decimals: enough for any 1–5 mean, share or NPS point, without binary noise.
    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}

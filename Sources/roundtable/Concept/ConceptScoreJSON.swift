import Foundation
import RoundtableCore
import RoundtableStore

/// A concept's scores as scripts see them: numbers, with null where a value is undefined.
struct ConceptScoreJSON: Encodable {
    /// A mean with its 95% interval.
    struct SummaryJSON: Encodable {
        var mean: Double?
        var low: Double?
        var high: Double?

        init(_ summary: ScoreSummary) {
            mean = summary.mean.map(ConceptScoreJSON.rounded)
            low = summary.interval.map { ConceptScoreJSON.rounded($0.lowerBound) }
            high = summary.interval.map { ConceptScoreJSON.rounded($0.upperBound) }
        }

        private enum CodingKeys: String, CodingKey { case mean, low, high }

        // Written out by hand so an undefined value is an explicit null, not a missing field.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(mean, forKey: .mean)
            try container.encode(low, forKey: .low)
            try container.encode(high, forKey: .high)
        }
    }

    /// A 95% interval.
    struct IntervalJSON: Encodable {
        var low: Double
        var high: Double

        init?(_ summary: ScoreSummary) {
            guard let interval = summary.interval else { return nil }
            low = ConceptScoreJSON.rounded(interval.lowerBound)
            high = ConceptScoreJSON.rounded(interval.upperBound)
        }
    }

    /// Expectation answers below, at and above zero.
    struct TallyJSON: Encodable {
        var missed: Int
        var met: Int
        var exceeded: Int
    }

    var key: String?
    var title: String?
    var position: Int?
    var n: Int
    /// Mean appeal (1–5), null without answers; scripts read it as a plain number.
    var appeal: Double?
    var appealInterval: IntervalJSON?
    /// Mean purchase intent (1–5), null without answers.
    var intent: Double?
    var intentInterval: IntervalJSON?
    /// The rounded NPS, null when nobody answered.
    var nps: Int?
    var npsN: Int
    var expectation: TallyJSON

    /// The scores alone, or (`named`) with the concept's key, title and position.
    init(_ score: ConceptScore, named: Bool = true) {
        if named {
            key = score.key
            title = score.title
            position = score.position
        }
        n = score.n
        appeal = score.appeal.mean.map(Self.rounded)
        appealInterval = IntervalJSON(score.appeal)
        intent = score.intent.mean.map(Self.rounded)
        intentInterval = IntervalJSON(score.intent)
        nps = score.nps.rounded
        npsN = score.nps.n
        expectation = TallyJSON(missed: score.expectation.missed, met: score.expectation.met,
                                exceeded: score.expectation.exceeded)
    }

    private enum CodingKeys: String, CodingKey {
        case key, title, position, n, appeal, appealInterval, intent, intentInterval, nps, npsN, expectation
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(position, forKey: .position)
        try container.encode(n, forKey: .n)
        try container.encode(appeal, forKey: .appeal)
        try container.encode(appealInterval, forKey: .appealInterval)
        try container.encode(intent, forKey: .intent)
        try container.encode(intentInterval, forKey: .intentInterval)
        try container.encode(nps, forKey: .nps)
        try container.encode(npsN, forKey: .npsN)
        try container.encode(expectation, forKey: .expectation)
    }

    /// Two decimals are plenty for 1–5 ratings and keep binary noise out of the output.
    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}

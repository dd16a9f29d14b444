import Foundation
import RoundtableCore
import RoundtableStore

/// An optional that is written as an explicit `null`, never left out: report keys are always present.
@propertyWrapper
struct JSONNullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

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

    /// A session as reports list it: key, title, start as a UTC instant and as local time.
    struct SessionRef: Encodable {
        var session: String
        var title: String
        var status: String
        var start: String
        var startLocal: String
        var timeZone: String

        init(_ session: Session, zone viewer: TimeZone?) {
            self.session = "\(session.key)"
            title = session.title
            status = session.status.rawValue
            start = TimeFormat.utc(session.startsAt)
            let zone = viewer ?? session.zone
            startLocal = TimeFormat.local(session.startsAt, zone)
            timeZone = Zone.name(of: zone)
        }
    }

    /// Four decimals: enough for any 1–5 mean, share or NPS point, without binary noise.
    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}

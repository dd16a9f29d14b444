import Foundation
import RoundtableCore
import RoundtableStore

/// Estimates with their 95% intervals as short table cells.
enum StatisticText {
    /// `3.8 [2.9, 4.8]`, `4.0` for a single answer, `—` for none.
    static func mean(_ summary: ScoreSummary) -> String {
        guard let mean = summary.mean else { return "—" }
        guard let interval = summary.interval else { return decimal(mean) }
        return "\(decimal(mean)) [\(decimal(interval.lowerBound)), \(decimal(interval.upperBound))]"
    }

    /// `67% [30, 90]`, `—` without answers.
    static func share(_ share: WilsonInterval) -> String {
        guard let value = share.share, let interval = share.interval else { return "—" }
        return "\(percent(value))% [\(percent(interval.lowerBound)), \(percent(interval.upperBound))]"
    }

    /// `+17 [-40, +73]`, `—` without answers.
    static func nps(_ nps: NetPromoterScore) -> String {
        guard let score = nps.score, let interval = nps.interval else { return "—" }
        return "\(signed(score)) [\(signed(interval.lowerBound)), \(signed(interval.upperBound))]"
    }

    /// `1/2/1`: missed, met, exceeded; `—` when nobody answered.
    static func tally(_ tally: ExpectationTally) -> String {
        tally.n == 0 ? "—" : "\(tally.missed)/\(tally.met)/\(tally.exceeded)"
    }

    /// `0.047`, `0.0012`, `<0.0001`; `—` when undefined.
    static func pValue(_ p: Double?) -> String {
        guard let p else { return "—" }
        if p < 0.0001 { return "<0.0001" }
        return p < 0.01 ? String(format: "%.4f", p) : String(format: "%.3f", p)
    }

    /// One decimal, as ratings are read.
    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A 0–1 share as a whole percentage, halves away from zero.
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded(.toNearestOrAwayFromZero)))" }

    /// A whole number of points with its sign: `+17`, `-40`, `0`.
    static func signed(_ value: Double) -> String {
        let whole = Int(value.rounded(.toNearestOrAwayFromZero))
        return whole > 0 ? "+\(whole)" : "\(whole)"
    }

    /// The score columns of a concept, in the order `scoreCells` gives them.
    static let scoreHeaders = ["N", "APPEAL", "APPEAL 4-5", "INTENT", "INTENT 4-5", "NPS", "EXP -/=/+"]

    /// A concept's scores as cells under `scoreHeaders`.
    static func scoreCells(_ score: ConceptScore) -> [String] {
        ["\(score.n)", mean(score.appeal), share(score.appealTopTwo), mean(score.intent), share(score.intentTopTwo),
         nps(score.nps), tally(score.expectation)]
    }
}

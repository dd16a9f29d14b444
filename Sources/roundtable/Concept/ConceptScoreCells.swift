import Foundation
import RoundtableCore
import RoundtableStore

/// Scores as table cells: means with one decimal and their ± half interval, NPS as a signed integer.
enum ConceptScoreCells {
    /// The score column headers, in the order `cells` returns them.
    static let headers = ["N", "APPEAL", "INTENT", "NPS", "EXPECTATION -/=/+"]

    static func cells(_ score: ConceptScore) -> [String] {
        ["\(score.n)", summary(score.appeal), summary(score.intent), nps(score.nps), tally(score.expectation)]
    }

    /// `4.0 ±0.9`, `4.0` for a single answer, `—` for none.
    static func summary(_ summary: ScoreSummary) -> String {
        guard let mean = summary.mean else { return "—" }
        var text = String(format: "%.1f", mean)
        if let half = summary.halfWidth { text += " ±" + String(format: "%.1f", half) }
        return text
    }

    /// `+25`, `-10`, `0`, or `—` when nobody answered.
    static func nps(_ nps: NetPromoterScore) -> String {
        guard let value = nps.rounded else { return "—" }
        return value > 0 ? "+\(value)" : "\(value)"
    }

    /// `1/2/1`: missed, met, exceeded.
    static func tally(_ tally: ExpectationTally) -> String {
        tally.n == 0 ? "—" : "\(tally.missed)/\(tally.met)/\(tally.exceeded)"
    }
}

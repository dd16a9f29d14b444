import Foundation
import RoundtableCore
import RoundtableStore

/// The plain-text panel report: short sections that survive being pasted into an e-mail.
enum PanelReportText {
    static func render(_ report: PanelReport, zone viewer: TimeZone?) -> String {
        let panel = report.panel
        var lines = ["\(panel.key) — \(panel.name) (\(panel.kind.rawValue))"]
        let counts = report.attendance
        var scope = "Sessions: \(counts.sessions), held \(counts.held)"
        if let since = report.since { scope += " (starting \(TimeFormat.short(since, viewer ?? TimeZone.current)) or later)" }
        lines.append(scope)
        lines.append("Attendance: \(counts.attended) attended, \(counts.noShow) no-show"
                     + (counts.noShowRate.map { " (no-show rate \(StatisticText.percent($0))%)" } ?? ""))
        lines.append("")
        lines += section("Concepts (means with 95% t intervals; 4-5 = top-2-box with 95% Wilson interval; NPS with 95% interval)",
                         concepts(report), empty: "none shown")
        lines += section("Paired comparisons on appeal (same people, same session; Wilcoxon signed-rank, two-sided)",
                         report.comparisons.map(comparison), empty: "no session showed two concepts")
        lines += section("Order check: appeal by position shown", positions(report), empty: "no concepts shown")
        lines += section("Satisfaction survey by quarter (means with 95% t intervals; NPS with 95% interval)",
                         quarters(report), empty: "no answers")
        lines += section("Top codes", report.topCodes.flatMap(code), empty: "none yet")
        lines += section("Actions", report.actions.map { action($0, viewer) }, empty: "none")
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func section(_ title: String, _ body: [String], empty: String) -> [String] {
        [title] + (body.isEmpty ? ["  " + empty] : body) + [""]
    }

    private static func indented(_ table: Table) -> [String] {
        table.render().split(separator: "\n").map { "  " + $0 }
    }

    private static func concepts(_ report: PanelReport) -> [String] {
        guard !report.concepts.isEmpty else { return [] }
        var table = Table("CONCEPT", "N", "APPEAL", "APPEAL 4-5", "NPS")
        for score in report.concepts {
            table.add(score.key, "\(score.n)", StatisticText.mean(score.appeal), StatisticText.share(score.appealTopTwo),
                      StatisticText.nps(score.nps))
        }
        return indented(table)
    }

    /// `savings-goals vs round-ups: 8 pairs (2 equal, dropped); appeal 4.1 vs 3.3; W = 3, p = 0.047 (exact)`.
    static func comparison(_ pair: ConceptComparison) -> String {
        let test = pair.test
        var line = "  \(pair.first) vs \(pair.second): \(test.n + test.zeros) pair\(test.n + test.zeros == 1 ? "" : "s")"
        if test.zeros > 0 { line += " (\(test.zeros) equal, dropped)" }
        guard test.n + test.zeros > 0 else { return line + "; nobody rated both" }
        line += "; appeal \(pair.firstAppeal.mean.map(StatisticText.decimal) ?? "—") vs "
            + "\(pair.secondAppeal.mean.map(StatisticText.decimal) ?? "—")"
        guard test.pValue != nil else { return line + "; no differences to test" }
        let method = test.method == .exact ? "exact" : "normal approximation"
        return line + "; W = \(formatted(test.statistic)), p = \(StatisticText.pValue(test.pValue)) (\(method))"
    }

    private static func positions(_ report: PanelReport) -> [String] {
        guard !report.positions.isEmpty else { return [] }
        var table = Table("POSITION", "N", "APPEAL")
        for position in report.positions {
            table.add("\(position.position)", "\(position.appeal.n)", StatisticText.mean(position.appeal))
        }
        return indented(table)
    }

    private static func quarters(_ report: PanelReport) -> [String] {
        guard !report.quarters.isEmpty else { return [] }
        var table = Table("QUARTER", "N", "QUALITY", "SPEED", "PRICE", "TRUST", "NPS")
        for quarter in report.quarters {
            let summary = quarter.summary
            table.add(quarter.label, "\(summary.n)", StatisticText.mean(summary.quality), StatisticText.mean(summary.speed),
                      StatisticText.mean(summary.price), StatisticText.mean(summary.trust), StatisticText.nps(summary.recommend))
        }
        return indented(table)
    }

    private static func code(_ code: PanelTopCode) -> [String] {
        var head = "  \(code.path) (\(code.codings))"
        if code.withheld > 0 { head += " — \(code.withheld) quote\(code.withheld == 1 ? "" : "s") withheld (no quotes consent)" }
        return [head] + code.quotes.map { "    “\($0.text)” — \($0.speaker), \($0.utterance)" }
    }

    /// `N-0002  S-0001  open  raised 2026-11-03 10:12  Send the pricing sheet` or `raised … → done …`.
    private static func action(_ action: PanelAction, _ viewer: TimeZone?) -> String {
        let zone = viewer ?? action.session.zone
        let note = action.note
        let raised = TimeFormat.short(note.createdAt, zone)
        let when = note.closedAt.map { "raised \(raised) → done \(TimeFormat.short($0, zone))" } ?? "open, raised \(raised)"
        return "  \(note.key)  \(action.session.key)  \(when)  \(note.text)"
    }

    /// `4` or `4.5`: rank sums are whole or halves.
    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

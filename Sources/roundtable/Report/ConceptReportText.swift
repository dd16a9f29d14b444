import Foundation
import RoundtableCore
import RoundtableStore

/// `report concept` as text: one table by session, one by attribute value.
enum ConceptReportText {
    static func render(_ report: ConceptReport, zone viewer: TimeZone?) -> String {
        let concept = report.concept
        var lines = ["\(concept.key) — \(concept.title)" + (concept.version.map { " (\($0))" } ?? "")]
        var scope = ["\(report.sessions.count) session\(report.sessions.count == 1 ? "" : "s")"]
        if let panel = report.panel { scope.append("panel \(panel.key)") }
        if let since = report.since { scope.append("since \(TimeFormat.short(since, viewer ?? TimeZone.current))") }
        lines.append("Shown in " + scope.joined(separator: ", "))
        guard !report.sessions.isEmpty else { return (lines + ["not presented in any matching session"]).joined(separator: "\n") }
        lines.append("Means with 95% t intervals; 4-5 = top-2-box share with 95% Wilson interval; NPS with 95% interval;")
        lines.append("EXP = expectation missed/met/exceeded.")
        lines.append("")
        var table = Table("SESSION", "POS", "START")
        table.headers += StatisticText.scoreHeaders
        for showing in report.sessions {
            let session = showing.session
            table.rows.append(["\(session.key)", "\(showing.position)", TimeFormat.short(session.startsAt, viewer ?? session.zone)]
                              + StatisticText.scoreCells(showing.score))
        }
        table.rows.append(["all", "", ""] + StatisticText.scoreCells(report.overall))
        lines.append(table.render())
        if let attribute = report.attribute {
            lines.append("")
            lines.append("By \(attribute)")
            var groups = Table(attribute.uppercased())
            groups.headers += StatisticText.scoreHeaders
            for group in report.groups { groups.rows.append([group.value] + StatisticText.scoreCells(group.score)) }
            if report.groups.isEmpty { lines.append("  no reactions") } else { lines.append(groups.render()) }
        }
        return lines.joined(separator: "\n")
    }
}

import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore

struct ReportConcept: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concept",
        abstract: "How a concept scored across the sessions that showed it: means, top-2-box and NPS with 95% "
            + "intervals, by session and optionally by a participant attribute.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var since: SinceOption
    @Argument(help: "Concept key.") var key: String
    @Option(help: "Only sessions of this panel.") var panel: String?
    @Option(help: ArgumentHelp("Also break the scores down by this participant attribute, such as segment.",
                               valueName: "attribute"))
    var by: String?

    func validate() throws {
        if let by, by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by needs an attribute name") }
    }

    func run() throws {
        let report = try workspace.openForReading().conceptReport(key, panel: panel, since: try since.instant(), by: by)
        let zone = try since.zone.zone()
        switch output.format {
        case .json: try JSONOutput.print(ConceptReportJSON(report, zone: zone))
        case .table: Console.print(ConceptReportText.render(report, zone: zone))
        }
    }
}

/// `report concept --format json`.
struct ConceptReportJSON: Encodable {
    struct ConceptJSON: Encodable {
        var key: String
        var title: String
        @JSONNullable var version: String?
        @JSONNullable var description: String?
    }

    struct SessionJSON: Encodable {
        var session: StatisticJSON.SessionRef
        var position: Int
        var scores: StatisticJSON.Scores
    }

    struct GroupJSON: Encodable {
        var value: String
        var scores: StatisticJSON.Scores
    }

    var concept: ConceptJSON
    @JSONNullable var panel: String?
    @JSONNullable var since: String?
    @JSONNullable var by: String?
    var scores: StatisticJSON.Scores
    var sessions: [SessionJSON]
    /// Empty without --by.
    var groups: [GroupJSON]

    init(_ report: ConceptReport, zone: TimeZone?) {
        concept = ConceptJSON(key: report.concept.key, title: report.concept.title, version: report.concept.version,
                              description: report.concept.description)
        panel = report.panel?.key
        since = report.since.map(TimeFormat.utc)
        by = report.attribute
        scores = StatisticJSON.Scores(report.overall)
        sessions = report.sessions.map {
            SessionJSON(session: .init($0.session, zone: zone), position: $0.position, scores: .init($0.score))
        }
        groups = report.groups.map { GroupJSON(value: $0.value, scores: .init($0.score)) }
    }
}

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

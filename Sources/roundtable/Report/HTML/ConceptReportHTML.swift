import Foundation
import RoundtableCore
import RoundtableStore

/// `report concept --format html`: a concept's scores by session (and attribute value) as a view
/// model for templates/reports/concept.html.
struct ConceptReportHTML {
    struct SessionRow {
        var key: String
        var title: String
        var position: String
        var start: String
        var cells: ScoreCellsView
    }

    struct GroupRow {
        var value: String
        var cells: ScoreCellsView
    }

    var page: PageView
    var key: String
    var title: String
    var version: String?
    var description: String?
    var scope: String
    var shown: Bool
    var sessions: [SessionRow]
    var overall: ScoreCellsView
    var attribute: String?
    var groups: [GroupRow]
    var scoresChart: Chart?
    var npsChart: Chart?
    var npsRows: [NPSRowView]

    init(_ report: ConceptReport, zone viewer: TimeZone?, now: Date) {
        let concept = report.concept
        page = PageView(title: "\(concept.key) \(concept.title) — concept report", now: now)
        key = concept.key
        title = concept.title
        version = concept.version
        description = concept.description
        var scope = ["\(report.sessions.count) session\(report.sessions.count == 1 ? "" : "s")"]
        if let panel = report.panel { scope.append("panel \(panel.key) (\(panel.name))") }
        if let since = report.since { scope.append("since \(TimeFormat.short(since, viewer ?? TimeZone.current))") }
        self.scope = "Shown in " + scope.joined(separator: ", ")
        shown = !report.sessions.isEmpty
        sessions = report.sessions.map { showing in
            SessionRow(key: "\(showing.session.key)", title: showing.session.title, position: "\(showing.position)",
                       start: TimeFormat.short(showing.session.startsAt, viewer ?? showing.session.zone), cells: ScoreCellsView(showing.score))
        }
        overall = ScoreCellsView(report.overall)
        attribute = report.attribute
        groups = report.groups.map { GroupRow(value: $0.value, cells: ScoreCellsView($0.score)) }
        // Charts name a session by key and day; the table beside gives its title.
        var rows = report.sessions.map { showing in
            (label: "\(showing.session.key) · \(TimeFormat.day(showing.session.startsAt, viewer ?? showing.session.zone))", score: showing.score)
        }
        rows += report.groups.map { (label: "\(report.attribute ?? "") = \($0.value)", score: $0.score) }
        if !rows.isEmpty { rows.append((label: "All sessions", score: report.overall)) }
        scoresChart = rows.isEmpty ? nil : ReportCharts.scores(
            "Appeal and purchase intent of \(concept.key) by session, means with 95% intervals",
            rows.map { ReportCharts.ScoreRow(label: $0.label, appeal: $0.score.appeal, intent: $0.score.intent) })
        npsRows = rows.map { NPSRowView(label: $0.label, $0.score.nps) }
        npsChart = rows.isEmpty ? nil : ReportCharts.nps("Net Promoter answers for \(concept.key) by session",
                                                         rows.map { (label: $0.label, nps: $0.score.nps) })
    }
}

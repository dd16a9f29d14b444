import Foundation
import RoundtableCore
import RoundtableStore

/// `report panel --format html`: a panel's sessions, concepts, survey trend, codes and actions as
/// a view model for templates/reports/panel.html.
struct PanelReportHTML {
    struct SessionRow {
        var key: String
        var title: String
        var start: String
        var room: String?
        var status: String
    }

    struct ConceptRow {
        var key: String
        var title: String
        var cells: ScoreCellsView
    }

    struct PositionRow {
        var position: String
        var n: String
        var appeal: String
    }

    struct ActionRow {
        var key: String
        var session: String
        var raised: String
        var done: String?
        var text: String
    }

    var page: PageView
    var key: String
    var name: String
    var kind: String
    var description: String?
    var scope: String
    var attendance: String
    var sessions: [SessionRow]
    var concepts: [ConceptRow]
    var scoresChart: Chart?
    var npsChart: Chart?
    var npsRows: [NPSRowView]
    var comparisons: [String]
    var positions: [PositionRow]
    var quarters: [SurveyRowView]
    var trendChart: Chart?
    var codes: [CodeView]
    var codesChart: Chart?
    var actions: [ActionRow]

    init(_ report: PanelReport, zone viewer: TimeZone?, now: Date) {
        let panel = report.panel
        page = PageView(title: "\(panel.key) \(panel.name) — panel report", now: now)
        key = panel.key
        name = panel.name
        kind = panel.kind.rawValue
        description = panel.description
        let counts = report.attendance
        scope = "\(counts.sessions) session\(counts.sessions == 1 ? "" : "s"), \(counts.held) held"
            + (report.since.map { ", starting \(TimeFormat.short($0, viewer ?? TimeZone.current)) or later" } ?? "")
        attendance = "\(counts.attended) attended, \(counts.noShow) no-show"
            + (counts.noShowRate.map { " (no-show rate \(StatisticText.percent($0))%)" } ?? "")
        sessions = report.sessions.map { session in
            SessionRow(key: "\(session.key)", title: session.title, start: TimeFormat.short(session.startsAt, viewer ?? session.zone),
                       room: session.room, status: session.status.rawValue)
        }
        concepts = report.concepts.map { ConceptRow(key: $0.key, title: $0.title, cells: ScoreCellsView($0)) }
        scoresChart = report.concepts.isEmpty ? nil : ReportCharts.scores(
            "Appeal and purchase intent of each concept shown to \(panel.key), means with 95% intervals",
            report.concepts.map { ReportCharts.ScoreRow(label: $0.title, appeal: $0.appeal, intent: $0.intent) })
        npsRows = report.concepts.map { NPSRowView(label: $0.title, $0.nps) }
        npsChart = report.concepts.isEmpty ? nil : ReportCharts.nps("Net Promoter answers by concept shown to \(panel.key)",
                                                                    report.concepts.map { (label: $0.title, nps: $0.nps) })
        comparisons = report.comparisons.map { PanelReportText.comparison($0).trimmingCharacters(in: .whitespaces) }
        positions = report.positions.map {
            PositionRow(position: "\($0.position)", n: "\($0.appeal.n)", appeal: StatisticText.mean($0.appeal))
        }
        quarters = report.quarters.map { SurveyRowView(label: $0.label, $0.summary) }
        trendChart = report.quarters.isEmpty ? nil : ReportCharts.trend(
            "Satisfaction survey of \(panel.key) by quarter: quality, speed, price and trust means (1–5) with 95% intervals",
            report.quarters)
        codes = report.topCodes.map { code in
            CodeView(path: code.path, codings: "\(code.codings)", quotes: code.quotes.map(QuoteView.init),
                     withheld: code.withheld > 0 ? "\(code.withheld) quote\(code.withheld == 1 ? "" : "s") withheld (no quotes consent)" : nil)
        }
        codesChart = report.topCodes.isEmpty ? nil : ReportCharts.codes(
            "Top codes in the sessions of \(panel.key) by codings", report.topCodes.map { ($0.path, $0.codings) })
        actions = report.actions.map { action in
            let zone = viewer ?? action.session.zone
            return ActionRow(key: "\(action.note.key)", session: "\(action.session.key)", raised: TimeFormat.short(action.note.createdAt, zone),
                             done: action.note.closedAt.map { TimeFormat.short($0, zone) }, text: action.note.text)
        }
    }
}

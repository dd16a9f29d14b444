import Foundation
import RoundtableCore
import RoundtableStore

/// `report session --format html`: the session report as a view model for templates/reports/session.html.
struct SessionReportHTML {
    struct ConceptRow {
        var position: String
        var key: String
        var title: String
        var cells: ScoreCellsView
    }

    struct ActionRow {
        var key: String
        var text: String
        var at: String?
    }

    var page: PageView
    var key: String
    var title: String
    var when: String
    var kind: String
    var status: String
    var channel: String
    var room: String?
    var panel: String?
    var moderators: String?
    var attendance: String
    var concepts: [ConceptRow]
    var scoresChart: Chart?
    var npsChart: Chart?
    var npsRows: [NPSRowView]
    var survey: SurveyRowView?
    var utterances: String
    var codes: [CodeView]
    var codesChart: Chart?
    var actions: [ActionRow]

    init(_ report: SessionReport, zone viewer: TimeZone?, now: Date) {
        let session = report.details.session
        let zone = viewer ?? session.zone
        page = PageView(title: "\(session.key) \(session.title) — session report", now: now)
        key = "\(session.key)"
        title = session.title
        when = "\(TimeFormat.short(session.startsAt, zone))–\(TimeFormat.clock(session.endsAt, zone)) \(Zone.name(of: zone))"
        kind = session.kind.rawValue
        status = session.status.rawValue
        channel = session.channel.rawValue
        room = session.room
        panel = report.details.panelKey
        moderators = report.details.moderators.isEmpty ? nil
            : report.details.moderators.map { "\($0.name) (\($0.key))" }.joined(separator: ", ")
        attendance = SessionReportText.attendance(report.details)
        concepts = report.concepts.map { score in
            ConceptRow(position: score.position.map(String.init) ?? "", key: score.key, title: score.title, cells: ScoreCellsView(score))
        }
        let label = { (score: ConceptScore) in "\(score.position.map { "\($0). " } ?? "")\(score.title)" }
        scoresChart = report.concepts.isEmpty ? nil : ReportCharts.scores(
            "Appeal and purchase intent of each concept in session \(session.key), means with 95% intervals",
            report.concepts.map { ReportCharts.ScoreRow(label: label($0), appeal: $0.appeal, intent: $0.intent) })
        var nps = report.concepts.map { (label: label($0), nps: $0.nps) }
        if !nps.isEmpty { nps.append((label: "All reactions", nps: report.overallNPS)) }
        if report.survey.n > 0 { nps.append((label: "Satisfaction survey", nps: report.survey.recommend)) }
        npsRows = nps.map { NPSRowView(label: $0.label, $0.nps) }
        npsChart = nps.isEmpty ? nil : ReportCharts.nps("Net Promoter answers by concept in session \(session.key)", nps)
        survey = report.survey.n > 0 ? SurveyRowView(label: "\(session.key)", report.survey) : nil
        utterances = "\(report.utterances)"
        codes = report.topCodes.map { code in
            CodeView(path: code.path, codings: "\(code.codings)", quotes: code.quote.map { [QuoteView($0)] } ?? [], withheld: nil)
        }
        codesChart = report.topCodes.isEmpty ? nil : ReportCharts.codes(
            "Top codes in session \(session.key) by coded utterances and notes", report.topCodes.map { ($0.path, $0.codings) })
        actions = report.openActions.map { note in
            ActionRow(key: "\(note.key)", text: note.text, at: note.atMs.map { TranscriptText.formatTimestamp($0) })
        }
    }
}

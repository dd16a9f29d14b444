import Foundation
import RoundtableCore
import RoundtableStore

/// The plain-text session report: short lines that survive being pasted into an e-mail.
enum SessionReportText {
    static func render(_ report: SessionReport, zone viewer: TimeZone?) -> String {
        let session = report.details.session
        let zone = viewer ?? session.zone
        var lines = ["\(session.key) — \(session.title)",
                     "\(TimeFormat.short(session.startsAt, zone))–\(TimeFormat.clock(session.endsAt, zone)) \(Zone.name(of: zone)) · "
                         + "\(session.kind.rawValue) · \(session.status.rawValue)"]
        if !report.details.moderators.isEmpty {
            lines.append("Moderators: " + report.details.moderators.map { "\($0.name) (\($0.key))" }.joined(separator: ", "))
        }
        lines.append("Attendance: " + attendance(report.details))
        lines.append("")
        lines.append(contentsOf: concepts(report))
        lines.append("")
        lines.append("Top codes" + (report.utterances > 0 ? " (transcript: \(report.utterances) utterances)" : ""))
        if report.topCodes.isEmpty { lines.append("  none yet") }
        for code in report.topCodes {
            var line = "  \(code.path) (\(code.codings))"
            if let quote = code.quote { line += ": “\(quote.text)” — \(quote.speaker), \(quote.utterance)" }
            lines.append(line)
        }
        lines.append("")
        lines.append("Open actions")
        if report.openActions.isEmpty { lines.append("  none") }
        for note in report.openActions {
            lines.append("  \(note.key)  \(note.text)" + (note.atMs.map { "  (at \(TranscriptText.formatTimestamp($0)))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    static func attendance(_ details: SessionDetails) -> String {
        let order: [SeatStatus] = [.attended, .noShow, .confirmed, .invited, .declined]
        let parts = order.compactMap { status in details.seatCounts[status].flatMap { $0 > 0 ? "\($0) \(status.rawValue)" : nil } }
        let capacity = "capacity \(details.session.capacity)" + (details.session.reserve > 0 ? " + \(details.session.reserve) reserve" : "")
        return (parts.isEmpty ? "nobody invited" : parts.joined(separator: ", ")) + " (\(capacity))"
    }

    private static func concepts(_ report: SessionReport) -> [String] {
        guard !report.concepts.isEmpty else { return ["Concepts: none shown"] }
        var table = Table("#", "CONCEPT")
        table.headers += ConceptScoreCells.headers
        for score in report.concepts {
            table.rows.append([score.position.map { String($0) } ?? "", score.key] + ConceptScoreCells.cells(score))
        }
        var lines = ["Concepts, in the order shown (means ±95% interval; expectations missed/met/exceeded)"]
            + table.render().split(separator: "\n").map { "  " + $0 }
        lines.append("All reactions: NPS \(ConceptScoreCells.nps(report.overallNPS)) (n = \(report.overallNPS.n))")
        let survey = report.survey
        if survey.n > 0 {
            lines.append("Survey: n = \(survey.n), NPS \(ConceptScoreCells.nps(survey.recommend)); quality \(mean(survey.quality)), "
                         + "speed \(mean(survey.speed)), price \(mean(survey.price)), trust \(mean(survey.trust))")
        }
        return lines
    }

    static func mean(_ summary: ScoreSummary) -> String { summary.mean.map { String(format: "%.1f", $0) } ?? "—" }
}

import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore

struct ReportPanel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel",
        abstract: "A panel's sessions: attendance, concepts side by side with paired tests, an order check, "
            + "satisfaction by quarter, top codes with quotes, actions.",
        discussion: """
            Paired comparisons: where the same people rated two concepts in one session, their appeal \
            is compared with the two-sided Wilcoxon signed-rank test (zero differences dropped; exact \
            p for up to 25 pairs without ties, else the normal approximation with tie and continuity \
            correction). Quotes are shown only from participants who gave quotes consent.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: ReportDocumentOptions
    @OptionGroup var since: SinceOption
    @Argument(help: "Panel key.") var key: String
    @Option(help: "How many codes to show.") var topCodes = 5
    @Option(help: "How many quotes to show per code.") var quotes = 2

    func validate() throws {
        guard topCodes > 0 else { throw ValidationError("--top-codes must be at least 1") }
        guard quotes >= 0 else { throw ValidationError("--quotes must not be negative") }
    }

    func run() throws {
        let database = try workspace.openForReading()
        let report = try database.panelReport(key, since: try since.instant(), zone: try since.viewerZone(), topCodes: topCodes, quotes: quotes)
        let zone = try since.zone.zone()
        switch output.format {
        case .json: try JSONOutput.print(PanelReportJSON(report, zone: zone, quarterZone: try since.viewerZone()))
        case .table: Console.print(PanelReportText.render(report, zone: zone))
        case .html:
            let html = try HTMLReport.render(PanelReportHTML(report, zone: zone, now: database.clock()), template: "panel.html")
            try HTMLReport.write(html, kind: "panel", key: report.panel.key, to: output.destination, now: database.clock())
        }
    }
}

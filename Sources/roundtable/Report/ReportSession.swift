import ArgumentParser
import RoundtableCore
import RoundtableStore

struct ReportSession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "One screen on a session: attendance, concepts in shown order with their scores, NPS, top codes "
            + "with a quote each, open actions.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: ReportDocumentOptions
    @OptionGroup var zone: TimeZoneOption
    @Argument(help: "Session key.") var key: String
    @Option(help: "How many codes to show.") var topCodes = 5

    func validate() throws {
        guard topCodes > 0 else { throw ValidationError("--top-codes must be at least 1") }
    }

    func run() throws {
        let database = try workspace.openForReading()
        let session = try Keys.session(key)
        let report = try database.sessionReport(session, topCodes: topCodes)
        switch output.format {
        case .json: try JSONOutput.print(SessionReportJSON(report))
        case .table: Console.print(SessionReportText.render(report, zone: try zone.zone()))
        case .html:
            let html = try HTMLReport.render(SessionReportHTML(report, zone: try zone.zone(), now: database.clock()), template: "session.html")
            try HTMLReport.write(html, kind: "session", key: "\(session)", to: output.destination, now: database.clock())
        }
    }
}

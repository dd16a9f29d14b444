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
    @OptionGroup var output: ReportDocumentOptions
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
        let database = try workspace.openForReading()
        let report = try database.conceptReport(key, panel: panel, since: try since.instant(), by: by)
        let zone = try since.zone.zone()
        switch output.format {
        case .json: try JSONOutput.print(ConceptReportJSON(report, zone: zone))
        case .table: Console.print(ConceptReportText.render(report, zone: zone))
        case .html:
            let html = try HTMLReport.render(ConceptReportHTML(report, zone: zone, now: database.clock()), template: "concept.html")
            try HTMLReport.write(html, kind: "concept", key: report.concept.key, to: output.destination, now: database.clock())
        }
    }
}

import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Summaries to paste into an e-mail or feed to a script.",
        subcommands: [ReportSession.self, ReportConcept.self, ReportPanel.self, ReportCodes.self, ReportCooccurrence.self])
}

import ArgumentParser

struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Satisfaction surveys.",
        subcommands: [SurveyRecord.self, SurveySummaryCommand.self])
}

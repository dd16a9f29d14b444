import ArgumentParser

struct TranscriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcript", abstract: "What was said in sessions: add, import, show and search.",
        subcommands: [TranscriptAdd.self, TranscriptImport.self, TranscriptShow.self, TranscriptSearch.self])
}

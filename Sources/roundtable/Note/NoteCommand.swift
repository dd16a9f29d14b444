import ArgumentParser

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Moderators' and observers' notes on sessions.",
        subcommands: [])
}

import ArgumentParser
import RoundtableCore

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Moderators' and observers' notes on sessions.",
        subcommands: [NoteAdd.self, NoteList.self, NoteClose.self])
}

extension NoteKind: ExpressibleByArgument {}

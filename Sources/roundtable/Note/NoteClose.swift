import ArgumentParser
import RoundtableCore

struct NoteClose: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Mark an action note done.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Note key.") var key: String

    func run() throws {
        let note = try workspace.open().closeNote(try EntityKey(parsing: key, as: .note))
        Console.print("closed \(note.key)")
    }
}

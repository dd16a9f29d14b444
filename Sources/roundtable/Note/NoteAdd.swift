import ArgumentParser
import RoundtableCore

struct NoteAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a note to a session, optionally at a time into it; prints its key.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var key: String
    @Option(help: ArgumentHelp("When, from the start of the session: 00:12:05, 12:05 or 0:12:05.250.", valueName: "time"))
    var at: String?
    @Option(help: "observation, quote or action (an action stays open until closed).") var kind: NoteKind = .observation
    @Argument(help: "The note.") var text: String

    func run() throws {
        let session = try Keys.session(key)
        let atMs = try at.map(TranscriptText.parseTimestamp)
        let note = try workspace.open().addNote(session: session, at: atMs, kind: kind, text: text)
        Console.print("\(note.key)")
    }
}

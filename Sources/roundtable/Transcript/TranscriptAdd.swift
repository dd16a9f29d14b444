import ArgumentParser
import RoundtableCore

struct TranscriptAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Append one turn to a session's transcript; prints its key.",
        discussion: """
            A participant must hold a seat in the session and a moderator must moderate it; any other \
            speaker, such as "Client" or "Observer 2", is kept as a label.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var key: String
    @Option(help: ArgumentHelp("Who spoke: a participant key (P-000001), a moderator key (M-0001) or a label.",
                               valueName: "speaker"))
    var speaker: String
    @Option(help: ArgumentHelp("When, from the start of the session: 00:12:05, 12:05 or 0:12:05.250.", valueName: "time"))
    var at: String?
    @Argument(help: "What was said.") var text: String

    func run() throws {
        let session = try Keys.session(key)
        let start = try at.map(TranscriptText.parseTimestamp)
        let utterance = try workspace.open().addUtterance(session: session, speaker: speaker, at: start, text: text)
        Console.print("\(utterance.key)")
    }
}

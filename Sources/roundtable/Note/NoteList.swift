import ArgumentParser
import RoundtableCore
import RoundtableStore

struct NoteList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List notes in the order they were written.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Option(help: "Only this session's notes.") var session: String?
    @Flag(help: "Only actions not yet closed.") var open = false

    func run() throws {
        let notes = try workspace.openForReading().notes(session: try session.map(Keys.session), openOnly: open)
        switch output.format {
        case .json:
            try JSONOutput.print(notes.map(NoteJSON.init))
        case .table:
            var table = Table("KEY", "SESSION", "AT", "KIND", "STATUS", "AUTHOR", "TEXT")
            for note in notes {
                let view = NoteJSON(note)
                table.add(view.key, view.session, note.atMs.map(TranscriptText.formatTimestamp) ?? "", view.kind, view.status ?? "", view.author,
                          SpeakerText.oneLine(view.text))
            }
            Console.print(table.render())
        }
    }
}

/// A note as scripts see it.
struct NoteJSON: Encodable {
    var key: String
    var session: String
    /// Milliseconds into the recording, null when the note has no time.
    @JSONNullable var atMs: Int?
    var kind: String
    /// `open` or `done` for actions; null for other notes.
    @JSONNullable var status: String?
    var text: String
    var author: String
    var createdAt: String
    @JSONNullable var closedAt: String?

    init(_ note: Note) {
        key = "\(note.key)"
        session = "\(EntityKey(.session, id: note.sessionId))"
        atMs = note.atMs
        kind = note.kind.rawValue
        status = note.kind == .action ? (note.closedAt == nil ? "open" : "done") : nil
        text = note.text
        author = note.author
        createdAt = TimeFormat.utc(note.createdAt)
        closedAt = note.closedAt.map(TimeFormat.utc)
    }
}

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
                table.add(view.key, view.session, view.at ?? "", view.kind, view.status ?? "", view.author,
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
    var at: String?
    var atMs: Int?
    var kind: String
    /// `open` or `done` for actions; nothing for other notes.
    var status: String?
    var text: String
    var author: String
    var created: String
    var closed: String?

    init(_ note: Note) {
        key = "\(note.key)"
        session = "\(EntityKey(.session, id: note.sessionId))"
        at = note.atMs.map(TranscriptText.formatTimestamp)
        atMs = note.atMs
        kind = note.kind.rawValue
        status = note.kind == .action ? (note.closedAt == nil ? "open" : "done") : nil
        text = note.text
        author = note.author
        created = TimeFormat.utc(note.createdAt)
        closed = note.closedAt.map(TimeFormat.utc)
    }
}

import ArgumentParser
import RoundtableCore
import RoundtableStore

struct SessionList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List sessions in start order, in their own zone or in --tz.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var zone: TimeZoneOption
    @Flag(help: "Only sessions that have not ended and are not cancelled or completed.") var upcoming = false
    @Option(help: "Only this panel's sessions.") var panel: String?
    @Option(help: "Only sessions this moderator runs.") var moderator: String?
    @Option(parsing: .unconditional, help: "At most this many.") var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let viewer = try zone.zone()
        let filter = SessionFilter(upcoming: upcoming, panel: panel, moderator: try moderator.map(Keys.moderator),
                                   limit: limit)
        let sessions = try workspace.openForReading().sessions(filter)
        switch output.format {
        case .json: try JSONOutput.print(sessions.map { SessionJSON($0, viewer: viewer) })
        case .table: Console.print(SessionTable.render(sessions, viewer: viewer))
        }
    }
}

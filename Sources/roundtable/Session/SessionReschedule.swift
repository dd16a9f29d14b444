import ArgumentParser
import RoundtableCore

struct SessionReschedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule", abstract: "Move a session; moderators, room and seated people must be free.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var key: String
    @Option(help: ArgumentHelp("New start time.", valueName: "time")) var start: String
    @OptionGroup var zone: TimeZoneOption
    @Option(help: "New length, such as 2h.") var duration: String?
    @Flag(help: "Allow a start in the past.") var allowPast = false

    func run() throws {
        let session = try workspace.open().rescheduleSession(
            try Keys.session(key), start: start, timeZone: try zone.zone().map(Zone.name(of:)),
            durationMinutes: try duration.map(DurationParser.minutes), allowPast: allowPast)
        Console.print("\(session.key) now \(TimeFormat.local(session.startsAt, session.zone)) \(session.timeZone)")
    }
}

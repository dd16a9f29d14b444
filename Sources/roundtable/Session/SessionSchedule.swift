import ArgumentParser
import RoundtableCore
import RoundtableStore

struct SessionSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "Schedule a session; prints the new key.",
        discussion: """
            TIME is ISO 8601 with an offset (2027-03-28T10:00+03:00), or a local date-time read in --tz,
            else in the first moderator's zone. Moderators and the room must be free for the whole session.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "Title.") var title: String
    @Option(help: ArgumentHelp("Start time.", valueName: "time")) var start: String
    @OptionGroup var zone: TimeZoneOption
    @Option(help: "Length, such as 90m or 1h30m.") var duration: String
    @Option(help: "Moderator key, repeatable.") var moderator: [String]
    @Option(help: "Panel the session belongs to.") var panel: String?
    @Option(help: "in-person, video or phone.") var channel: Channel = .inPerson
    @Option(help: "Room or meeting link; no two sessions share a room at once.") var room: String?
    @Option(parsing: .unconditional, help: "Seats.") var capacity: Int
    @Option(parsing: .unconditional, help: "Extra confirmed seats allowed beyond capacity, to cover no-shows.") var reserve: Int = 0
    @Option(help: "focus-group, advisory-meeting or interview.") var kind: SessionKind = .focusGroup
    @Flag(help: "Record a session that already happened.") var allowPast = false

    func run() throws {
        let plan = SessionPlan(
            title: title, kind: kind, start: start, timeZone: try zone.zone().map(Zone.name(of:)),
            durationMinutes: try DurationParser.minutes(duration), moderators: try moderator.map(Keys.moderator),
            panel: panel, channel: channel, room: room, capacity: capacity, reserve: reserve, allowPast: allowPast)
        let session = try workspace.open().scheduleSession(plan)
        Console.print("\(session.key)")
    }
}

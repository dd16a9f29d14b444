import ArgumentParser
import RoundtableCore
import RoundtableStore

struct SessionShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a session and its seats.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var zone: TimeZoneOption
    @Argument(help: "Session key.") var key: String

    func run() throws {
        let viewer = try zone.zone()
        let details = try workspace.openForReading().sessionDetails(try Keys.session(key))
        let view = SessionJSON(details, viewer: viewer, withParticipants: true)
        switch output.format {
        case .json:
            try JSONOutput.print(view)
        case .table:
            let session = details.session
            let shownZone = viewer ?? session.zone
            Console.print("\(view.key)  \(view.title)  [\(view.status)]")
            var fields = Table("FIELD", "VALUE")
            fields.rows = [
                ["when", "\(TimeFormat.short(session.startsAt, shownZone))–\(TimeFormat.clock(session.endsAt, shownZone)) \(Zone.name(of: shownZone))"],
                ["utc", "\(view.start) – \(view.end)"],
                ["kind", "\(view.kind), \(view.channel)" + (view.room.map { " in \($0)" } ?? "")],
                ["panel", view.panel ?? "—"],
                ["moderators", view.moderators.map { "\($0.key) \($0.name)" }.joined(separator: ", ")],
                ["seats", SessionTable.seats(details)],
            ]
            if let reason = view.cancelReason { fields.rows.append(["cancelled", reason]) }
            Console.print(fields.render())
            if !details.seats.isEmpty {
                Console.print()
                var table = Table("PARTICIPANT", "NAME", "SEAT")
                for seat in details.seats {
                    table.add("\(seat.participant.key)", seat.participant.displayName, seat.seat.status.rawValue)
                }
                Console.print(table.render())
            }
        }
    }
}

import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct ExportICS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Write sessions as an iCalendar (.ics) file for calendar apps.",
        discussion: """
            Give exactly one of --session (repeatable), --upcoming or --moderator. Each session keeps \
            its UID across exports; SEQUENCE grows when it is rescheduled or cancelled, so importing a \
            newer file updates the events already in a calendar. Times carry the session's zone with \
            a VTIMEZONE. Moderators are the organizer and chairs; seated participants are attendees \
            with their answer, except those without an e-mail address or forgotten.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var destination: OutputFileOptions
    @Option(name: .customLong("session"), help: ArgumentHelp("Session key, repeatable.", valueName: "key"))
    var sessions: [String] = []
    @Flag(help: "Every session that has not ended, cancelled ones included so calendars drop them.")
    var upcoming = false
    @Option(help: ArgumentHelp("Every session this moderator runs.", valueName: "key")) var moderator: String?

    func validate() throws {
        let chosen = [!sessions.isEmpty, upcoming, moderator != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("give exactly one of --session, --upcoming or --moderator") }
    }

    func run() throws {
        let selection: CalendarSelection
        let stem: String
        if let moderator {
            let key = try Keys.moderator(moderator)
            (selection, stem) = (.moderator(key), "sessions-\(key)")
        } else if upcoming {
            (selection, stem) = (.upcoming, "sessions-upcoming")
        } else {
            let keys = try sessions.map(Keys.session)
            (selection, stem) = (.sessions(keys), keys.count == 1 ? "session-\(keys[0])" : "sessions")
        }
        let database = try workspace.openForReading()
        let now = database.clock()
        let events = try database.calendarSessions(selection).map { details in
            CalendarEvent(session: details.session, moderators: details.moderators,
                          seats: details.seats.map { ($0.participant, $0.seat.status) })
        }
        let path = try destination.path(stem: stem, extension: "ics", now: now)
        // OutputFile writes mode 0600: attendees' addresses are personal data.
        try OutputFile.write(Data(SessionCalendar(events: events, stamp: now).render().utf8), to: path)
        destination.report("wrote \(events.count) session\(events.count == 1 ? "" : "s") to \(OutputFileOptions.name(path))")
    }
}

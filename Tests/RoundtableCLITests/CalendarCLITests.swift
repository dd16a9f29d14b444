import Foundation
import Testing

/// `export ics`, read back by an independent parser: Python's `icalendar` (scripts/test.sh installs it).
@Suite("Calendar export from the command line")
struct CalendarCLITests {
    /// What the Python parser made of one VEVENT.
    struct ParsedEvent: Decodable {
        var uid: String, sequence: Int, status: String, summary: String, location: String
        var start: String, end: String, organizer: String
        /// DTSTART placed with the file's own VTIMEZONE rather than the parser's zone database.
        var startByOwnZone: String?
        var attendees: [[String: String]]
    }

    struct ParsedCalendar: Decodable {
        var product: String, method: String, zones: [String], errors: [String]
        var events: [ParsedEvent]
        func event(_ summary: String) throws -> ParsedEvent { try #require(events.first { $0.summary == summary }) }
    }

    static let parser = """
        import datetime, json, sys
        import icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        zones = {str(z['TZID']): z.to_tz(lookup_tzid=False) for z in cal.walk('VTIMEZONE')}
        utc = datetime.timezone.utc
        def listed(value): return value if isinstance(value, list) else [value]
        events = []
        for ev in cal.walk('VEVENT'):
            start = ev.decoded('DTSTART')
            tzid = ev['DTSTART'].params.get('TZID')
            events.append({
                'uid': str(ev['UID']), 'sequence': int(ev['SEQUENCE']), 'status': str(ev['STATUS']),
                'summary': str(ev['SUMMARY']), 'location': str(ev.get('LOCATION', '')),
                'start': start.astimezone(utc).isoformat(), 'end': ev.decoded('DTEND').astimezone(utc).isoformat(),
                'startByOwnZone': start.replace(tzinfo=zones[tzid]).astimezone(utc).isoformat() if tzid else None,
                'organizer': str(ev.get('ORGANIZER', '')),
                'attendees': [{'address': str(a), 'name': str(a.params.get('CN', '')),
                               'role': str(a.params.get('ROLE', '')), 'partstat': str(a.params.get('PARTSTAT', ''))}
                              for a in listed(ev.get('ATTENDEE', []))]})
        print(json.dumps({'product': str(cal['PRODID']), 'method': str(cal['METHOD']), 'zones': sorted(zones),
                          'errors': [str(e) for c in cal.walk() for e in c.errors], 'events': events}))
        """

    let cli: CLI

    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        _ = try cli.key("moderator", "add", "Berg, Øystein", "--email", "oystein@example.no", "--tz", "Europe/Oslo")
        for (name, email) in [("Åsa Lindqvist", "asa@example.se"), ("Matti Järvinen", "matti@example.fi"),
                              ("Liisa Pöysti", "liisa@example.fi"), ("Ei Sähköpostia", nil)] {
            let address = email.map { ["--email", $0] } ?? []
            let added = try cli.start(["participant", "add", "--name", name] + address).finish()
            let key = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try cli.key("participant", "consent", key, "--scope", "contact", "--given")
        }
        _ = try cli.key("session", "schedule", "--title", "Konseptitesti; vaihe 1", "--start", "2027-03-28 10:00",
                        "--tz", "Europe/Helsinki", "--duration", "90m", "--moderator", "M-0001", "--moderator", "M-0002",
                        "--capacity", "8", "--room", "Sali 1")
        _ = try cli.key("session", "schedule", "--title", "Advisory call", "--start", "2027-04-15T14:00+02:00",
                        "--duration", "1h", "--moderator", "M-0002", "--channel", "video", "--capacity", "4")
        _ = try cli.key("session", "invite", "S-0001", "P-000001", "P-000002", "P-000003", "P-000004")
        _ = try cli.key("session", "rsvp", "S-0001", "P-000001", "--yes")
        _ = try cli.key("session", "rsvp", "S-0001", "P-000002", "--no")
        _ = try cli.key("participant", "forget", "P-000003")
    }

    /// Exports with `arguments` into `file` and parses the result with Python's icalendar.
    func export(_ file: String, _ arguments: String...) throws -> ParsedCalendar {
        let result = try cli.start(["export", "ics", "-o", file] + arguments).finish()
        #expect(result.status == 0, "\(result.stderr)")
        return try Self.parse(cli.folder.appendingPathComponent(file))
    }

    static func parse(_ file: URL) throws -> ParsedCalendar {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", parser, file.path]
        let (out, err) = (Pipe(), Pipe())
        (process.standardOutput, process.standardError) = (out, err)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIFailure(description: """
                python3 could not parse \(file.lastPathComponent) with the icalendar package (scripts/test.sh \
                installs it; else run: python3 -m pip install icalendar): \(stderr)
                """)
        }
        return try JSONDecoder().decode(ParsedCalendar.self, from: stdout)
    }

    @Test func aHelsinkiSessionOnTheDaylightSavingSundayIsAt0700UTC() throws {
        let calendar = try export("sessions.ics", "--session", "S-0001", "--session", "S-0002")
        #expect(calendar.errors.isEmpty)
        #expect(calendar.method == "PUBLISH")
        #expect(calendar.zones == ["Europe/Helsinki", "Europe/Oslo"])
        let helsinki = try calendar.event("Konseptitesti; vaihe 1")
        #expect(helsinki.start == "2027-03-28T07:00:00+00:00")
        #expect(helsinki.startByOwnZone == "2027-03-28T07:00:00+00:00", "the file's VTIMEZONE agrees")
        #expect(helsinki.end == "2027-03-28T08:30:00+00:00")
        #expect(helsinki.status == "CONFIRMED")
        #expect(helsinki.sequence == 0)
        #expect(helsinki.location == "Sali 1")
        #expect(helsinki.organizer == "mailto:aino@example.fi")
        let people = helsinki.attendees.map { "\($0["name"]!) \($0["role"]!) \($0["partstat"]!) \($0["address"]!)" }
        #expect(people == ["Berg, Øystein CHAIR ACCEPTED mailto:oystein@example.no",
                           "Åsa Lindqvist REQ-PARTICIPANT ACCEPTED mailto:asa@example.se",
                           "Matti Järvinen REQ-PARTICIPANT DECLINED mailto:matti@example.fi"],
                "the forgotten participant and the one without an address are not listed")
        let oslo = try calendar.event("Advisory call")
        #expect(oslo.start == "2027-04-15T12:00:00+00:00")
        #expect(oslo.startByOwnZone == oslo.start)
        #expect(oslo.location == "Video call")
    }

    @Test func rescheduledSessionKeepsItsUIDWithAHigherSequence() throws {
        let before = try export("before.ics", "--upcoming")
        #expect(before.events.map(\.summary) == ["Konseptitesti; vaihe 1", "Advisory call"])
        _ = try cli.key("session", "reschedule", "S-0001", "--start", "2027-04-04 10:00")
        _ = try cli.key("session", "cancel", "S-0002", "--reason", "Moderator ill")
        let after = try export("after.ics", "--upcoming")
        #expect(after.errors.isEmpty)
        let (old, moved) = (try before.event("Konseptitesti; vaihe 1"), try after.event("Konseptitesti; vaihe 1"))
        #expect(moved.uid == old.uid)
        #expect(moved.sequence > old.sequence)
        #expect(moved.start == "2027-04-04T07:00:00+00:00")
        #expect(moved.status == "CONFIRMED")
        let (planned, cancelled) = (try before.event("Advisory call"), try after.event("Advisory call"))
        #expect(cancelled.uid == planned.uid)
        #expect(cancelled.status == "CANCELLED")
        #expect(cancelled.sequence > planned.sequence, "calendars that had it must take the cancellation")
    }

    @Test func moderatorSelectionAndDefaultPath() throws {
        let result = try cli.run("export", "ics", "--moderator", "M-0001")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote 1 session to exports/sessions-M-0001-2026-12-01T0900.ics\n")
        let file = cli.folder.appendingPathComponent("exports/sessions-M-0001-2026-12-01T0900.ics")
        #expect(try Self.parse(file).events.map(\.summary) == ["Konseptitesti; vaihe 1"])
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "attendees' addresses are personal data")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test(arguments: [[String](), ["--upcoming", "--moderator", "M-0001"], ["--session", "S-0001", "--upcoming"]])
    func exactlyOneSelectorOrExit64(_ arguments: [String]) throws {
        let result = try cli.start(["export", "ics"] + arguments).finish()
        #expect(result.status == 64)
        #expect(result.stderr.contains("exactly one of --session, --upcoming or --moderator"))
    }

    @Test func unknownSessionExits65AndUnwritableOutputExits73() throws {
        let unknown = try cli.run("export", "ics", "--session", "S-0009", "-o", "x.ics")
        #expect(unknown.status == 65)
        #expect(unknown.stderr == "error: no session S-0009 in this workspace\n")
        let unwritable = try cli.run("export", "ics", "--session", "S-0001", "-o", "no/such/folder/x.ics")
        #expect(unwritable.status == 73)
        #expect(unwritable.stderr.hasPrefix("error: cannot create no/such/folder/x.ics"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("x.ics").path))
    }
}

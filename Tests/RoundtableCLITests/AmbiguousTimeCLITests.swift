import Foundation
import Testing

/// Sessions in the hour repeated when clocks go back: the .ics says which pass (in UTC), read back
/// by Python's icalendar, and tables and messages show the offset.
@Suite("Ambiguous local times from the command line")
struct AmbiguousTimeCLITests {
    /// A zone and the first instant of its 2027 repeated hour (first pass, summer offset).
    static let zones: [(zone: String, firstPass: String)] = [
        ("Europe/Oslo", "2027-10-31T00:00:00Z"), ("Europe/London", "2027-10-31T00:00:00Z"),
        ("America/New_York", "2027-11-07T05:00:00Z"), ("Australia/Sydney", "2027-04-03T15:00:00Z"),
    ]

    /// Per zone: in the first pass for an hour (both ends ambiguous), in the second pass, ending in
    /// the first pass, and one the next day that keeps its TZID: (title suffix, minutes after the
    /// first instant, length in minutes).
    static let plans = [("both", 30, 60), ("second", 90, 15), ("end", -30, 45), ("clear", 1440, 60)]

    let cli: CLI

    init() throws {
        cli = try CLI()
        for (index, (zone, firstPass)) in Self.zones.enumerated() {
            _ = try cli.key("moderator", "add", "Moderator \(index + 1)", "--email", "m\(index + 1)@example.org", "--tz", zone)
            for (suffix, offset, minutes) in Self.plans {
                _ = try cli.key("session", "schedule", "--title", "\(zone) \(suffix)", "--start", Self.instant(firstPass, offset),
                                "--tz", zone, "--duration", "\(minutes)m", "--moderator", "M-000\(index + 1)", "--capacity", "4")
            }
        }
    }

    /// `firstPass` moved by `minutes`, as ISO 8601 in UTC.
    static func instant(_ firstPass: String, _ minutes: Int) -> String {
        let date = ISO8601DateFormatter().date(from: firstPass)!.addingTimeInterval(Double(minutes) * 60)
        return ISO8601DateFormatter().string(from: date)
    }

    /// How Python writes an instant in UTC.
    static func python(_ iso: String) -> String {
        iso.replacingOccurrences(of: "Z", with: "+00:00")
    }

    @Test func icalendarReadsEveryStartAndEndAtTheRightInstant() throws {
        let result = try cli.run("export", "ics", "--upcoming", "-o", "all.ics")
        #expect(result.status == 0, "\(result.stderr)")
        let calendar = try CalendarCLITests.parse(cli.folder.appendingPathComponent("all.ics"))
        #expect(calendar.errors.isEmpty)
        #expect(calendar.events.count == Self.zones.count * Self.plans.count)
        for (zone, firstPass) in Self.zones {
            for (suffix, offset, minutes) in Self.plans {
                let event = try calendar.event("\(zone) \(suffix)")
                #expect(event.start == Self.python(Self.instant(firstPass, offset)), "\(zone) \(suffix) start")
                #expect(event.end == Self.python(Self.instant(firstPass, offset + minutes)), "\(zone) \(suffix) end")
                if suffix == "clear" {
                    #expect(event.startByOwnZone == event.start, "\(zone): the file's VTIMEZONE agrees")
                } else {
                    #expect(event.startByOwnZone == nil, "\(zone) \(suffix) is written in UTC, without a TZID")
                }
            }
        }
        #expect(calendar.zones == Self.zones.map(\.zone).sorted(), "zones still used by other sessions are written")
        let text = try String(contentsOf: cli.folder.appendingPathComponent("all.ics"), encoding: .utf8)
        #expect(text.contains("DTSTART:20271031T003000Z\r\nDTEND:20271031T013000Z\r\n"), "the session of the issue")
    }

    @Test func tablesShowTheOffsetOfAnAmbiguousTime() throws {
        let list = try cli.run("session", "list")
        #expect(list.status == 0)
        let oslo = try #require(list.stdout.split(separator: "\n").first { $0.contains("Europe/Oslo both") })
        #expect(oslo.contains("2027-10-31 02:30+02:00  Europe/Oslo"), "\(oslo)")
        let clear = try #require(list.stdout.split(separator: "\n").first { $0.contains("Europe/Oslo clear") })
        #expect(clear.contains("2027-11-01 01:00 ") && !clear.contains("+"), "an unambiguous time has no offset: \(clear)")

        let show = try cli.run("session", "show", "S-0001")
        #expect(show.stdout.contains("when        2027-10-31 02:30+02:00–02:30+01:00 Europe/Oslo\n"), "\(show.stdout)")
        let york = try cli.run("session", "show", "S-0010")
        #expect(york.stdout.contains("when        2027-11-07 01:30-05:00–01:45-05:00 America/New_York\n"), "\(york.stdout)")
        let sydney = try cli.run("session", "show", "S-0013", "--tz", "Australia/Sydney")
        #expect(sydney.stdout.contains("when        2027-04-04 02:30+11:00–02:30+10:00 Australia/Sydney\n"), "\(sydney.stdout)")
        // London's repeated hour seen from Oslo is Oslo's too.
        let viewer = try cli.run("session", "show", "S-0005", "--tz", "Europe/Oslo")
        #expect(viewer.stdout.contains("when        2027-10-31 02:30+02:00–02:30+01:00 Europe/Oslo\n"), "\(viewer.stdout)")
    }

    @Test func aClashMessageShowsTheOffsets() throws {
        let clash = try cli.run("session", "schedule", "--title", "Clash", "--start", "2027-10-31T01:00Z", "--tz", "Europe/Oslo",
                                "--duration", "30m", "--moderator", "M-0001", "--capacity", "4")
        #expect(clash.status == 65)
        #expect(clash.stderr == """
            error: moderator M-0001 (Moderator 1) is already in S-0001 'Europe/Oslo both' \
            2027-10-31 02:30+02:00–02:30+01:00 Europe/Oslo

            """)
    }
}

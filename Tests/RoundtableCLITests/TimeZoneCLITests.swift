import Foundation
import Testing

@Suite("Time zones end to end")
struct TimeZoneCLITests {
    let cli: CLI

    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
    }

    func json(_ arguments: String...) throws -> [String: Any] {
        let result = try cli.start(arguments).finish()
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: [("2027-03-28 10:00", "2027-03-28T07:00:00Z", "2027-03-28T10:00:00+03:00"),
                      ("2027-10-31 10:00", "2027-10-31T08:00:00Z", "2027-10-31T10:00:00+02:00"),
                      ("2027-03-27 10:00", "2027-03-27T08:00:00Z", "2027-03-27T10:00:00+02:00")])
    func localTimesAcrossDaylightSavingAreStoredAsInstants(local: String, utc: String, localStart: String) throws {
        let key = try cli.key("session", "schedule", "--title", "DST", "--start", local, "--tz", "Europe/Helsinki",
                              "--duration", "90m", "--moderator", "M-0001", "--capacity", "6")
        let session = try json("session", "show", key, "--format", "json")
        #expect(session["start"] as? String == utc)
        #expect(session["localStart"] as? String == localStart)
        #expect(session["timeZone"] as? String == "Europe/Helsinki")
        #expect(session["durationMinutes"] as? Int == 90)
    }

    @Test func aLocalTimeThatDoesNotExistIsExplained() throws {
        let result = try cli.run("session", "schedule", "--title", "Gap", "--start", "2027-03-28 03:30", "--tz",
                                 "Europe/Helsinki", "--duration", "1h", "--moderator", "M-0001", "--capacity", "6")
        #expect(result.status == 65)
        #expect(result.stderr == "error: 2027-03-28 03:30 does not exist in Europe/Helsinki: clocks go forward from 03:00 "
                + "to 04:00 that night; choose a time outside the gap or give an explicit offset\n")
    }

    @Test func withoutOffsetOrZoneTheModeratorsZoneApplies() throws {
        let key = try cli.key("session", "schedule", "--title", "Local", "--start", "2027-03-28 10:00",
                              "--duration", "1h", "--moderator", "M-0001", "--capacity", "6")
        #expect(try json("session", "show", key, "--format", "json")["start"] as? String == "2027-03-28T07:00:00Z")
    }

    @Test func listingInAnotherZoneConverts() throws {
        _ = try cli.key("session", "schedule", "--title", "Spring", "--start", "2027-03-28 10:00", "--tz", "Europe/Helsinki",
                        "--duration", "90m", "--moderator", "M-0001", "--capacity", "6")
        // New York is still on EDT (-04:00) and Oslo on CEST (+02:00) that morning.
        let table = try cli.run("session", "list", "--tz", "America/New_York")
        #expect(table.stdout.contains("2027-03-28 03:00  America/New_York"))
        let oslo = try cli.run("session", "list", "--tz", "Europe/Oslo", "--format", "json")
        let sessions = try #require(try JSONSerialization.jsonObject(with: Data(oslo.stdout.utf8)) as? [[String: Any]])
        #expect(sessions.first?["localStart"] as? String == "2027-03-28T09:00:00+02:00", "--tz changes the local strings")
        #expect(sessions.first?["timeZone"] as? String == "Europe/Helsinki", "the zone stays the session's own")
    }

    @Test func rescheduleKeepsTheSessionsZoneAndCountsRevisions() throws {
        let key = try cli.key("session", "schedule", "--title", "Move me", "--start", "2027-03-27 10:00", "--tz",
                              "Europe/Helsinki", "--duration", "90m", "--moderator", "M-0001", "--capacity", "6")
        _ = try cli.key("session", "reschedule", key, "--start", "2027-03-28 10:00")
        let session = try json("session", "show", key, "--format", "json")
        #expect(session["start"] as? String == "2027-03-28T07:00:00Z")
        #expect(session["revision"] as? Int == 1)
    }
}

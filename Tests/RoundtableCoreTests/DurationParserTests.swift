import Foundation
import Testing
@testable import RoundtableCore

/// Durations as typed on the command line, always in whole minutes between 1 and 24 hours.
@Suite("DurationParser")
struct DurationParserTests {
    @Test("readable forms become minutes", arguments: [
        ("90m", 90), ("1h30m", 90), ("2h", 120), ("45min", 45), ("PT1H30M", 90), ("pt45m", 45), ("90", 90),
        (" 90m ", 90), ("1H", 60), ("24h", 1440), ("1m", 1), ("1440", 1440), ("23h60m", 1440), ("0h5m", 5),
    ])
    func readsDurations(text: String, minutes: Int) throws {
        #expect(try DurationParser.minutes(text) == minutes)
    }

    @Test("zero, too long and unreadable durations are usage errors", arguments: [
        "0m", "0", "25h", "24h1m", "1441", "abc", "1x", "", "h", "m", "1h30", "PT", "-5", "-5m", "1.5h", "1 h", "90s",
        "1d",
    ])
    func refusesDurations(text: String) {
        let error = expectRoundtableError(.usage) { try DurationParser.minutes(text) }
        #expect(error?.message.contains("'\(text)'") == true)
    }

    @Test("the range message says what is allowed")
    func rangeMessage() {
        let error = expectRoundtableError(.usage) { try DurationParser.minutes("25h") }
        #expect(error?.message.contains("between 1 minute and 24 hours") == true)
    }

    // DurationParser.swift:23–24 multiplies and adds with trapping arithmetic, so a huge number
    // of hours crashes the process instead of giving the usual usage error.
    @Test("an absurdly large duration is a usage error, not a crash")
    func refusesOverflowingDuration() {
        expectRoundtableError(.usage) { try DurationParser.minutes("999999999999999999h") }
        expectRoundtableError(.usage) { try DurationParser.minutes("9223372036854775807m1m") }
    }

    @Test("numbers too long for Int are refused without a crash")
    func refusesHugeDigits() {
        expectRoundtableError(.usage) { try DurationParser.minutes("99999999999999999999m") }
        expectRoundtableError(.usage) { try DurationParser.minutes("99999999999999999999") }
    }

    @Test("an unreadable duration says which forms are expected")
    func unreadableMessage() {
        let error = expectRoundtableError(.usage) { try DurationParser.minutes("an hour") }
        #expect(error?.message == "cannot read duration 'an hour' (expected minutes such as 90m, 1h30m, 2h or 90)")
        #expect(error?.exitCode == 64)
    }

    @Test("a parsed duration sets a session's end across the spring-forward night")
    func durationSetsEnd() throws {
        let start = try InstantParser.instant(from: "2027-03-28 02:00", zone: Fixture.helsinki)
        let session = Session(title: "Night shift interview", kind: .interview, startsAt: start, timeZone: "Europe/Helsinki",
                              durationMinutes: try DurationParser.minutes("PT2H"), channel: .phone, capacity: 1,
                              createdAt: start)
        // Two hours of real time: 02:00 EET to 05:00 EEST on the wall clock.
        #expect(TimeFormat.clock(session.endsAt, Fixture.helsinki) == "05:00")
        #expect(session.endsAt.timeIntervalSince(session.startsAt) == 7200)
    }
}

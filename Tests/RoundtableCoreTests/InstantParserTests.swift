import Foundation
import Testing
@testable import RoundtableCore

/// ISO 8601 input with offsets, and input the parser must refuse.
@Suite("InstantParser")
struct InstantParserTests {
    @Test("ISO 8601 with an offset needs no zone", arguments: [
        ("2027-03-28T10:00+03:00", "2027-03-28T07:00:00Z"),
        ("2027-03-28T10:00+0300", "2027-03-28T07:00:00Z"),
        ("2027-03-28T07:00Z", "2027-03-28T07:00:00Z"),
        ("2027-03-28T07:00z", "2027-03-28T07:00:00Z"),
        ("2027-03-28t07:00Z", "2027-03-28T07:00:00Z"),
        ("2027-03-28 10:00+03:00", "2027-03-28T07:00:00Z"),
        ("2027-03-28T10:00:45+03:00", "2027-03-28T07:00:45Z"),
        ("2027-03-28T10:00:45.250+03:00", "2027-03-28T07:00:45.250Z"),
        ("2027-03-28T07:00:00.5Z", "2027-03-28T07:00:00.500Z"),
        ("2027-03-28T02:00-05:00", "2027-03-28T07:00:00Z"),
        ("2027-03-28T12:30+05:30", "2027-03-28T07:00:00Z"),
        ("  2027-03-28T07:00Z  ", "2027-03-28T07:00:00Z"),
        ("2027-01-01T01:00+02:00", "2026-12-31T23:00:00Z"),
    ])
    func parsesOffsets(text: String, expected: String) throws {
        let instant = try InstantParser.instant(from: text, zone: nil)
        #expect(instant == Fixture.utc(expected))
    }

    @Test("fractional seconds are kept, and shown only where a format asks for them")
    func fractionalSecondsAreKept() throws {
        let instant = try InstantParser.instant(from: "2027-03-28T07:00:59.999Z", zone: nil)
        #expect(TimeFormat.utc(instant) == "2027-03-28T07:00:59Z")
        #expect(TimeFormat.utcMilliseconds(instant) == "2027-03-28T07:00:59.999Z")
    }

    @Test("an explicit offset wins over the zone given")
    func offsetBeatsZone() throws {
        let instant = try InstantParser.instant(from: "2027-03-28T10:00+01:00", zone: Fixture.helsinki)
        #expect(instant == Fixture.utc("2027-03-28T09:00:00Z"))
    }

    @Test("a local time without an offset or a zone is a usage error")
    func noOffsetNoZone() throws {
        let error = expectRoundtableError(.usage) {
            try InstantParser.instant(from: "2027-03-28 10:00", zone: nil)
        }
        #expect(error?.message.contains("no UTC offset") == true)
        #expect(error?.exitCode == 64)
    }

    @Test("text that is not a date and time is refused", arguments: [
        "tomorrow", "", "2027-02-30 10:00", "2027-13-01 10:00", "2027-04-31 10:00", "2027-03-28 24:00",
        "2027-03-28 10:60", "2027-03-28 10:00:60", "2027-3-28 10:00", "2027-03-28", "2027-03-28 10",
        "2027-03-28 10:00+3", "2027-03-28 10:00+15:00", "2027-03-28 10:00+03:60", "2027-03-28 10:00 Z",
        "2027-03-28 10:00 Europe/Helsinki", "2027/03/28 10:00", "２０２７-03-28 10:00", "2027-03-28 10:00+03:00x",
    ])
    func refusesGarbage(text: String) {
        expectRoundtableError(.usage) {
            try InstantParser.instant(from: text, zone: Fixture.helsinki)
        }
    }

    @Test("leap days are real only in leap years")
    func leapDays() throws {
        #expect(try InstantParser.instant(from: "2028-02-29 12:00", zone: Zone.utc) == Fixture.utc("2028-02-29T12:00:00Z"))
        let error = expectRoundtableError(.usage) { try InstantParser.instant(from: "2027-02-29 12:00", zone: Zone.utc) }
        #expect(error?.message.contains("not a real date") == true)
    }

    @Test("parse keeps the wall clock and the offset apart")
    func parseSplitsFields() throws {
        let parsed = try InstantParser.parse("2027-03-28T10:15:30-02:30")
        #expect(parsed.local == LocalDateTime(year: 2027, month: 3, day: 28, hour: 10, minute: 15, second: 30))
        #expect(parsed.offsetSeconds == -(2 * 3600 + 30 * 60))
        #expect(try InstantParser.parse("2027-03-28 10:15").offsetSeconds == nil)
    }
}

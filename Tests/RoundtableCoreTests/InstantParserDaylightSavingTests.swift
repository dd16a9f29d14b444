import Foundation
import Testing
@testable import RoundtableCore

/// Local times read in Nordic zones, including the nights clocks change (EU: last Sunday of
/// March and October, at 01:00 UTC).
@Suite("InstantParser across daylight-saving changes")
struct InstantParserDaylightSavingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var local: String
        var zone: String
        var utc: String
        var testDescription: String { "\(local) \(zone) → \(utc)" }
    }

    @Test("local times convert to the right instant", arguments: [
        // Helsinki: EET (+02) in winter, EEST (+03) in summer.
        Case(local: "2027-03-28 10:00", zone: "Europe/Helsinki", utc: "2027-03-28T07:00:00Z"),
        Case(local: "2027-03-27 10:00", zone: "Europe/Helsinki", utc: "2027-03-27T08:00:00Z"),
        Case(local: "2027-03-28 02:59", zone: "Europe/Helsinki", utc: "2027-03-28T00:59:00Z"),
        Case(local: "2027-03-28 04:00", zone: "Europe/Helsinki", utc: "2027-03-28T01:00:00Z"),
        Case(local: "2027-10-31 10:00", zone: "Europe/Helsinki", utc: "2027-10-31T08:00:00Z"),
        Case(local: "2027-10-30 10:00", zone: "Europe/Helsinki", utc: "2027-10-30T07:00:00Z"),
        Case(local: "2027-10-31 04:00", zone: "Europe/Helsinki", utc: "2027-10-31T02:00:00Z"),
        // Oslo: CET (+01) in winter, CEST (+02) in summer.
        Case(local: "2027-03-28 10:00", zone: "Europe/Oslo", utc: "2027-03-28T08:00:00Z"),
        Case(local: "2027-03-27 10:00", zone: "Europe/Oslo", utc: "2027-03-27T09:00:00Z"),
        Case(local: "2027-10-31 10:00", zone: "Europe/Oslo", utc: "2027-10-31T09:00:00Z"),
        Case(local: "2027-07-01T18:30", zone: "Europe/Oslo", utc: "2027-07-01T16:30:00Z"),
        Case(local: "2027-01-15 09:00", zone: "UTC", utc: "2027-01-15T09:00:00Z"),
    ])
    func convertsLocalTime(_ c: Case) throws {
        let zone = try Zone.named(c.zone)
        let instant = try InstantParser.instant(from: c.local, zone: zone)
        #expect(instant == Fixture.utc(c.utc))
        #expect(TimeFormat.utc(instant) == c.utc)
    }

    @Test("a local time in the spring-forward gap is refused with the gap named")
    func refusesTimeInGap() throws {
        let error = expectRoundtableError(.invalidData) {
            try InstantParser.instant(from: "2027-03-28 03:30", zone: Fixture.helsinki)
        }
        let message = try #require(error?.message)
        #expect(message.contains("does not exist"))
        #expect(message.contains("03:00 to 04:00"))
        #expect(message.contains("Europe/Helsinki"))
        #expect(error?.exitCode == 65)
    }

    @Test("the Oslo gap is 02:00 to 03:00")
    func refusesOsloGap() throws {
        let error = expectRoundtableError(.invalidData) {
            try InstantParser.instant(from: "2027-03-28 02:30", zone: Fixture.oslo)
        }
        let message = try #require(error?.message)
        #expect(message.contains("does not exist"))
        #expect(message.contains("02:00 to 03:00"))
    }

    @Test("a local time that happens twice in autumn is refused as ambiguous")
    func refusesAmbiguousTime() throws {
        let error = expectRoundtableError(.invalidData) {
            try InstantParser.instant(from: "2027-10-31 03:30", zone: Fixture.helsinki)
        }
        let message = try #require(error?.message)
        #expect(message.contains("happens twice"))
        #expect(message.contains("+03:00"))
        #expect(message.contains("+02:00"))
    }

    @Test("the Oslo repeated hour is 02:00 to 03:00")
    func refusesOsloAmbiguousTime() throws {
        let error = expectRoundtableError(.invalidData) {
            try InstantParser.instant(from: "2027-10-31 02:30", zone: Fixture.oslo)
        }
        #expect(error?.message.contains("happens twice") == true)
    }

    @Test("an explicit offset resolves the ambiguous hour either way")
    func offsetResolvesAmbiguity() throws {
        let first = try InstantParser.instant(from: "2027-10-31T03:30+03:00", zone: Fixture.helsinki)
        let second = try InstantParser.instant(from: "2027-10-31T03:30+02:00", zone: Fixture.helsinki)
        #expect(first == Fixture.utc("2027-10-31T00:30:00Z"))
        #expect(second == Fixture.utc("2027-10-31T01:30:00Z"))
    }

    @Test("instant(of:in:) accepts a LocalDateTime directly")
    func instantOfLocalDateTime() throws {
        let local = LocalDateTime(year: 2027, month: 3, day: 28, hour: 10)
        #expect(try InstantParser.instant(of: local, in: Fixture.helsinki) == Fixture.utc("2027-03-28T07:00:00Z"))
    }
}

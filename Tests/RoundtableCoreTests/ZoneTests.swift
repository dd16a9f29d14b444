import Foundation
import Testing
@testable import RoundtableCore

/// IANA zone names are accepted; abbreviations and nonsense are usage errors.
@Suite("Zone.named")
struct ZoneTests {
    @Test("IANA names and UTC are accepted", arguments: [
        "Europe/Helsinki", "Europe/Oslo", "Europe/Stockholm", "America/New_York", " Europe/Helsinki ",
    ])
    func acceptsIANANames(name: String) throws {
        let zone = try Zone.named(name)
        #expect(zone.identifier == name.trimmingCharacters(in: .whitespaces))
    }

    @Test("UTC is accepted and has no offset")
    func acceptsUTC() throws {
        let zone = try Zone.named("UTC")
        #expect(zone.secondsFromGMT(for: Fixture.utc("2027-07-01T12:00:00Z")) == 0)
    }

    // Foundation on Linux names UTC "GMT"; the stored name must still be "UTC" and resolve again.
    @Test("the stored name of a resolved zone resolves again",
          arguments: ["UTC", "Europe/Helsinki", "Europe/Oslo"])
    func identifierRoundTrips(name: String) throws {
        let zone = try Zone.named(name)
        #expect(Zone.name(of: zone) == name)
        #expect(try Zone.named(Zone.name(of: zone)) == zone)
    }

    @Test("abbreviations and nonsense are refused as usage errors", arguments: [
        "EET", "EEST", "CET", "CEST", "PST", "+03:00", "", "Helsinki", "Europe/Nowhere", "Mars/Olympus_Mons",
    ])
    func refusesAbbreviationsAndNonsense(name: String) {
        let error = expectRoundtableError(.usage) { try Zone.named(name) }
        #expect(error?.message.contains("IANA") == true)
    }

    @Test("GMT is the tz database's own name for UTC and is stored as UTC")
    func gmtIsUTC() throws {
        #expect(try Zone.canonicalName("GMT") == "UTC")
        #expect(try Zone.canonicalName("Etc/UTC") == "UTC")
    }

    @Test("the calendar helper is Gregorian in the given zone")
    func calendarIsGregorianInZone() {
        let calendar = Zone.calendar(Fixture.helsinki)
        #expect(calendar.identifier == .gregorian)
        #expect(calendar.timeZone.identifier == "Europe/Helsinki")
        #expect(calendar.component(.hour, from: Fixture.utc("2027-03-28T07:00:00Z")) == 10)
    }

    @Test("Zone.utc has no offset, summer or winter")
    func utcHasNoOffset() {
        #expect(Zone.utc.secondsFromGMT(for: Fixture.utc("2027-07-01T12:00:00Z")) == 0)
        #expect(Zone.utc.secondsFromGMT(for: Fixture.utc("2027-01-01T12:00:00Z")) == 0)
    }
}

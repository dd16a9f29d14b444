import Foundation
import Testing
@testable import RoundtableCore

/// The written forms of instants: UTC for scripts, local with offset, and table forms.
@Suite("TimeFormat")
struct TimeFormatTests {
    let springMorning = Fixture.utc("2027-03-28T07:00:00Z")
    let autumnMorning = Fixture.utc("2027-10-31T08:00:00Z")

    @Test("utc writes Z")
    func utcForm() {
        #expect(TimeFormat.utc(springMorning) == "2027-03-28T07:00:00Z")
        #expect(TimeFormat.utc(Fixture.utc("2026-12-31T23:59:59Z")) == "2026-12-31T23:59:59Z")
    }

    @Test("local writes the zone's offset at that instant")
    func localForm() {
        #expect(TimeFormat.local(springMorning, Fixture.helsinki) == "2027-03-28T10:00:00+03:00")
        #expect(TimeFormat.local(autumnMorning, Fixture.helsinki) == "2027-10-31T10:00:00+02:00")
        #expect(TimeFormat.local(springMorning, Fixture.oslo) == "2027-03-28T09:00:00+02:00")
        #expect(TimeFormat.local(autumnMorning, Fixture.oslo) == "2027-10-31T09:00:00+01:00")
        #expect(TimeFormat.local(springMorning, Zone.utc) == "2027-03-28T07:00:00+00:00")
    }

    @Test("short and clock forms are for tables")
    func shortAndClockForms() {
        #expect(TimeFormat.short(springMorning, Fixture.helsinki) == "2027-03-28 10:00")
        #expect(TimeFormat.short(springMorning, Zone.utc) == "2027-03-28 07:00")
        #expect(TimeFormat.clock(springMorning, Fixture.oslo) == "09:00")
        #expect(TimeFormat.day(Fixture.utc("2027-03-27T22:30:00Z"), Fixture.helsinki) == "2027-03-28")
        #expect(TimeFormat.day(Fixture.utc("2027-03-27T22:30:00Z"), Zone.utc) == "2027-03-27")
    }

    @Test("offsets are signed hours and minutes", arguments: [
        (0, "+00:00"), (10_800, "+03:00"), (7_200, "+02:00"), (-18_000, "-05:00"), (19_800, "+05:30"),
        (-12_600, "-03:30"), (3_600, "+01:00"),
    ])
    func offsetForm(seconds: Int, expected: String) {
        #expect(TimeFormat.offset(seconds) == expected)
    }

    @Test("wall-clock parts of a LocalDateTime")
    func localDateTimeForms() {
        let local = LocalDateTime(year: 2027, month: 3, day: 8, hour: 3, minute: 5)
        #expect(TimeFormat.isoDate(local) == "2027-03-08")
        #expect(TimeFormat.isoTime(local) == "03:05")
        #expect(local.description == "2027-03-08 03:05")
        #expect(LocalDateTime(year: 2027, month: 3, day: 8, hour: 3, minute: 5, second: 9).description == "2027-03-08 03:05:09")
    }

    @Test("a parsed local time written back in its zone round-trips")
    func roundTrip() throws {
        for text in ["2027-03-28 10:00", "2027-10-31 10:00", "2027-06-15 23:45", "2027-12-31 00:00"] {
            let instant = try InstantParser.instant(from: text, zone: Fixture.helsinki)
            #expect(TimeFormat.short(instant, Fixture.helsinki) == text)
            let written = TimeFormat.local(instant, Fixture.helsinki)
            #expect(try InstantParser.instant(from: written, zone: nil) == instant)
        }
    }
}

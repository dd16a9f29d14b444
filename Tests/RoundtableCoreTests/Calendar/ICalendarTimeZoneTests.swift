import Foundation
import Testing
@testable import RoundtableCore

/// VTIMEZONE built from Foundation's transitions.
@Suite("ICalendarTimeZone")
struct ICalendarTimeZoneTests {
    typealias Observance = ICalendarTimeZone.Observance

    func summary(_ zone: ICalendarTimeZone) -> [String] {
        zone.observances.map {
            let (from, to) = (ICalendarWriter.utcOffset($0.offsetFrom), ICalendarWriter.utcOffset($0.offsetTo))
            return "\($0.component) \($0.localStart) \(from)>\(to)"
        }
    }

    @Test func helsinkiSwitchesOnTheLastSundaysOfMarchAndOctober() {
        let session = Fixture.utc("2027-03-28T07:00:00Z")
        let zone = ICalendarTimeZone(zone: Fixture.helsinki, covering: session, through: session)
        #expect(zone.identifier == "Europe/Helsinki")
        #expect(summary(zone) == [
            "STANDARD 20261025T040000 +0300>+0200",
            "DAYLIGHT 20270328T030000 +0200>+0300",
            "STANDARD 20271031T040000 +0300>+0200",
        ])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Fixture.helsinki
        for observance in zone.observances {
            #expect(calendar.component(.weekday, from: observance.onset) == 1, "a Sunday")
            let nextWeek = observance.onset.addingTimeInterval(7 * 86_400)
            #expect(calendar.component(.month, from: nextWeek) != calendar.component(.month, from: observance.onset),
                    "the last Sunday of its month")
            #expect(ICalendarWriter.utcDateTime(observance.onset).hasSuffix("T010000Z"), "at 01:00 UTC")
        }
    }

    @Test func writesTheComponent() {
        let session = Fixture.utc("2027-03-28T07:00:00Z")
        var writer = ICalendarWriter()
        ICalendarTimeZone(zone: Fixture.helsinki, covering: session, through: session).write(to: &writer)
        #expect(writer.output == [
            "BEGIN:VTIMEZONE", "TZID:Europe/Helsinki",
            "BEGIN:STANDARD", "DTSTART:20261025T040000", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:20270328T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:20271031T040000", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "END:STANDARD",
            "END:VTIMEZONE", "",
        ].joined(separator: "\r\n"))
    }

    @Test func coversEveryYearBetweenTheFirstAndLastEvent() {
        let zone = ICalendarTimeZone(zone: Fixture.oslo, covering: Fixture.utc("2027-06-01T08:00:00Z"),
                                     through: Fixture.utc("2028-02-01T08:00:00Z"))
        #expect(summary(zone) == [
            "STANDARD 20261025T030000 +0200>+0100",
            "DAYLIGHT 20270328T020000 +0100>+0200",
            "STANDARD 20271031T030000 +0200>+0100",
            "DAYLIGHT 20280326T020000 +0100>+0200",
            "STANDARD 20281029T030000 +0200>+0100",
        ])
    }

    @Test func southernSummerOpensWithDaylightTime() throws {
        let sydney = try #require(TimeZone(identifier: "Australia/Sydney"))
        let january = Fixture.utc("2027-01-15T00:00:00Z")
        let zone = ICalendarTimeZone(zone: sydney, covering: january, through: january)
        #expect(summary(zone) == [
            "DAYLIGHT 20261004T020000 +1000>+1100",
            "STANDARD 20270404T030000 +1100>+1000",
            "DAYLIGHT 20271003T020000 +1000>+1100",
        ])
    }

    @Test func aZoneWithoutTransitionsHasOneStandardPeriodFromNewYear() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let instant = Fixture.utc("2027-05-01T00:00:00Z")
        let zone = ICalendarTimeZone(zone: tokyo, covering: instant, through: instant)
        #expect(summary(zone) == ["STANDARD 20270101T000000 +0900>+0900"])
    }

    @Test func onlyUTCGoesWithoutAZone() throws {
        #expect(ICalendarTimeZone.isUTC(try Zone.named("UTC")))
        #expect(ICalendarTimeZone.isUTC(Zone.utc))
        #expect(!ICalendarTimeZone.isUTC(Fixture.helsinki))
        #expect(!ICalendarTimeZone.isUTC(try #require(TimeZone(identifier: "Europe/London"))), "London has summer time")
    }
}

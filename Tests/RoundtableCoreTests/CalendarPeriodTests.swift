import Foundation
import Testing
@testable import RoundtableCore

/// Calendar spans such as the six-month cool-down, counted on the calendar rather than in seconds.
@Suite("CalendarPeriod")
struct CalendarPeriodTests {
    @Test("periods parse into months and days", arguments: [
        ("6mo", 6, 0), ("1y", 12, 0), ("2years", 24, 0), ("3w", 0, 21), ("30d", 0, 30),
        ("0", 0, 0), ("0d", 0, 0), ("6MO", 6, 0), ("12months", 12, 0), ("1week", 0, 7), ("2days", 0, 2),
    ])
    func parses(text: String, months: Int, days: Int) throws {
        let period = try CalendarPeriod(parsing: text)
        #expect(period.months == months)
        #expect(period.days == days)
    }

    @Test("unreadable periods are usage errors", arguments: ["", "mo", "6", "6m", "6x", "-6mo", "1201d", "six months", "1 month"])
    func refuses(text: String) {
        expectRoundtableError(.usage) { try CalendarPeriod(parsing: text) }
    }

    @Test("zero disables the period")
    func zero() throws {
        #expect(try CalendarPeriod(parsing: "0").isZero)
        #expect(!(try CalendarPeriod(parsing: "1d").isZero))
        #expect(CalendarPeriod().isZero)
    }

    @Test("descriptions use the shortest unit", arguments: [
        (CalendarPeriod(months: 6), "6mo"), (CalendarPeriod(months: 12), "1y"), (CalendarPeriod(months: 24), "2y"),
        (CalendarPeriod(days: 21), "3w"), (CalendarPeriod(days: 30), "30d"), (CalendarPeriod(), "0"),
        (CalendarPeriod(months: 1, days: 2), "1mo2d"),
    ])
    func describes(period: CalendarPeriod, text: String) {
        #expect(period.description == text)
    }

    @Test("months clamp to the end of shorter months", arguments: [
        // (period, from, before, after)
        (CalendarPeriod(months: 6), "2027-08-31T12:00:00Z", "2027-02-28T12:00:00Z", "2028-02-29T12:00:00Z"),
        (CalendarPeriod(months: 1), "2027-03-31T09:00:00Z", "2027-02-28T09:00:00Z", "2027-04-30T09:00:00Z"),
        (CalendarPeriod(months: 12), "2028-02-29T09:00:00Z", "2027-02-28T09:00:00Z", "2029-02-28T09:00:00Z"),
        (CalendarPeriod(days: 30), "2027-03-01T09:00:00Z", "2027-01-30T09:00:00Z", "2027-03-31T09:00:00Z"),
        (CalendarPeriod(days: 21), "2026-12-20T09:00:00Z", "2026-11-29T09:00:00Z", "2027-01-10T09:00:00Z"),
    ])
    func beforeAndAfter(period: CalendarPeriod, from: String, before: String, after: String) {
        let date = Fixture.utc(from)
        #expect(period.before(date, in: Zone.utc) == Fixture.utc(before))
        #expect(period.after(date, in: Zone.utc) == Fixture.utc(after))
    }

    @Test("a day across a daylight-saving change keeps the wall clock in that zone")
    func dayAcrossDaylightSaving() {
        let saturday = Fixture.utc("2027-03-27T08:00:00Z") // 10:00 in Helsinki (+02)
        let sunday = CalendarPeriod(days: 1).after(saturday, in: Fixture.helsinki)
        #expect(TimeFormat.local(sunday, Fixture.helsinki) == "2027-03-28T10:00:00+03:00")
        #expect(sunday.timeIntervalSince(saturday) == 23 * 3600)
    }
}

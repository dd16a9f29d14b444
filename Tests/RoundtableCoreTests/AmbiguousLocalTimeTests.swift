import Foundation
import Testing
@testable import RoundtableCore

/// Local times in the hour repeated when clocks go back are shown with their offset, everywhere.
@Suite("Ambiguous local times")
struct AmbiguousLocalTimeTests {
    /// A zone's repeated hour in 2027: the instant it starts (first pass) and the offsets of both passes.
    struct FallBack: Sendable, CustomStringConvertible {
        var zone: String
        /// The first instant of the repeated hour, read with the earlier (summer) offset.
        var firstPass: String
        var local: String
        var summer: String
        var winter: String
        var description: String { zone }
    }

    static let fallBacks = [
        FallBack(zone: "Europe/Oslo", firstPass: "2027-10-31T00:00:00Z", local: "2027-10-31 02:00", summer: "+02:00", winter: "+01:00"),
        FallBack(zone: "Europe/London", firstPass: "2027-10-31T00:00:00Z", local: "2027-10-31 01:00", summer: "+01:00", winter: "+00:00"),
        FallBack(zone: "America/New_York", firstPass: "2027-11-07T05:00:00Z", local: "2027-11-07 01:00", summer: "-04:00", winter: "-05:00"),
        FallBack(zone: "Australia/Sydney", firstPass: "2027-04-03T15:00:00Z", local: "2027-04-04 02:00", summer: "+11:00", winter: "+10:00"),
    ]

    @Test("the repeated hour is ambiguous on both passes, and the minutes around it are not", arguments: fallBacks)
    func repeatedHour(_ fallBack: FallBack) throws {
        let zone = try Zone.named(fallBack.zone)
        let first = Fixture.utc(fallBack.firstPass)
        for minutes in stride(from: 0, to: 120, by: 15) {
            #expect(Zone.isAmbiguous(first.addingTimeInterval(Double(minutes) * 60), in: zone), "+\(minutes) min")
        }
        #expect(!Zone.isAmbiguous(first.addingTimeInterval(-1), in: zone))
        #expect(!Zone.isAmbiguous(first.addingTimeInterval(7200), in: zone))
        // The same wall clock, twice: the offset tells them apart.
        let second = first.addingTimeInterval(3600)
        #expect(TimeFormat.short(first, zone) == "\(fallBack.local)\(fallBack.summer)")
        #expect(TimeFormat.short(second, zone) == "\(fallBack.local)\(fallBack.winter)")
        #expect(TimeFormat.clock(second.addingTimeInterval(1800), zone).hasSuffix(":30\(fallBack.winter)"))
        #expect(TimeFormat.short(first.addingTimeInterval(7200), zone).utf8.count == "2027-01-01 00:00".utf8.count,
                "an unambiguous time keeps its short form")
    }

    @Test("the Oslo session of the issue reads 02:30+02:00–02:30+01:00")
    func osloSession() {
        let start = Fixture.utc("2027-10-31T00:30:00Z")
        #expect(TimeFormat.short(start, Fixture.oslo) == "2027-10-31 02:30+02:00")
        #expect(TimeFormat.clock(start.addingTimeInterval(3600), Fixture.oslo) == "02:30+01:00")
        #expect(TimeFormat.clock(Fixture.utc("2027-10-31T02:30:00Z"), Fixture.oslo) == "03:30")
    }

    @Test("the gap when clocks go forward is never ambiguous", arguments: fallBacks)
    func springForwardIsNotAmbiguous(_ fallBack: FallBack) throws {
        let zone = try Zone.named(fallBack.zone)
        var instant = Fixture.utc("2027-01-01T00:00:00Z")
        let end = Fixture.utc("2028-01-01T00:00:00Z")
        var ambiguous = 0
        // Every quarter hour of 2027: exactly the two passes of one repeated hour are ambiguous.
        while instant < end {
            if Zone.isAmbiguous(instant, in: zone) { ambiguous += 1 }
            instant.addTimeInterval(900)
        }
        #expect(ambiguous == 8)
    }

    @Test("what a table shows reads back as the same instant", arguments: fallBacks)
    func shortFormReadsBack(_ fallBack: FallBack) throws {
        let zone = try Zone.named(fallBack.zone)
        let first = Fixture.utc(fallBack.firstPass)
        for minutes in stride(from: -120, to: 240, by: 10) {
            let instant = first.addingTimeInterval(Double(minutes) * 60)
            let shown = TimeFormat.short(instant, zone)
            #expect(try InstantParser.instant(from: shown, zone: zone) == instant, "\(shown)")
        }
    }

    @Test("Zone.instants agrees with the parser: none in the gap, two in the repeated hour")
    func instantsOfALocalTime() throws {
        let gap = LocalDateTime(year: 2027, month: 3, day: 28, hour: 2, minute: 30)
        #expect(Zone.instants(showing: gap.secondsAsIfUTC, in: Fixture.oslo).isEmpty)
        let twice = LocalDateTime(year: 2027, month: 10, day: 31, hour: 2, minute: 30)
        #expect(Zone.instants(showing: twice.secondsAsIfUTC, in: Fixture.oslo)
            == [Fixture.utc("2027-10-31T00:30:00Z"), Fixture.utc("2027-10-31T01:30:00Z")])
        expectRoundtableError(.invalidData) { try InstantParser.instant(of: twice, in: Fixture.oslo) }
    }
}

import Foundation

/// Turns what a user typed into an instant: ISO 8601 with an offset, or a local time in a zone.
public enum InstantParser {
    /// Parses `2027-03-28T10:00+03:00`, `2027-03-28T07:00Z`, or `2027-03-28 10:00` read in `zone`.
    ///
    /// A local time that falls in a daylight-saving gap, or that happens twice, is refused with
    /// an explanation rather than silently moved.
    public static func instant(from text: String, zone: TimeZone?) throws -> Date {
        if let instant = utcTimestamp(text) { return instant }
        let parsed = try parse(text)
        if let offset = parsed.offsetSeconds {
            return Date(timeIntervalSince1970: TimeInterval(parsed.local.secondsAsIfUTC - Int64(offset)) + parsed.fraction)
        }
        guard let zone else {
            throw RoundtableError.usage(
                "'\(text)' has no UTC offset: add one (2027-03-28T10:00+03:00) or give --tz ZONE")
        }
        return try instant(of: parsed.local, in: zone).addingTimeInterval(parsed.fraction)
    }

    /// `2026-01-05T10:00:00Z` or `2026-01-05T10:00:00.250Z` read straight from the bytes: the
    /// form every Roundtable file writes, met millions of times in a large import.
    static func utcTimestamp(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54,
                  bytes[13] == 0x3A, bytes[16] == 0x3A
            else { return nil }
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10), let hour = digits(11..<13),
                  let minute = digits(14..<16), let second = digits(17..<19)
            else { return nil }
            var fraction = 0.0
            if bytes.count > 20 {
                guard bytes[19] == 0x2E, bytes.count > 21, bytes.count <= 30, let value = digits(20..<(bytes.count - 1)) else {
                    return nil
                }
                fraction = Double(value) / pow(10, Double(bytes.count - 21))
            } else if bytes[19] != UInt8(ascii: "Z") {
                return nil
            }
            let local = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            guard local.isValid else { return nil }
            return Date(timeIntervalSince1970: TimeInterval(local.secondsAsIfUTC) + fraction)
        }
    }

    /// The one instant at which the wall clock in `zone` shows `local`.
    public static func instant(of local: LocalDateTime, in zone: TimeZone) throws -> Date {
        let candidates = Zone.instants(showing: local.secondsAsIfUTC, in: zone)
        switch candidates.count {
        case 1:
            return candidates[0]
        case 0:
            throw RoundtableError.rule(gapMessage(local, zone))
        default:
            let choices = candidates.map { TimeFormat.offset(zone.secondsFromGMT(for: $0)) }
            throw RoundtableError.rule(
                "\(local) happens twice in \(Zone.name(of: zone)) (at \(choices.joined(separator: " and ")))"
                    + " because clocks go back that night: give the offset, e.g. "
                    + "\(TimeFormat.isoDate(local))T\(TimeFormat.isoTime(local))\(choices[0])")
        }
    }

    private static func gapMessage(_ local: LocalDateTime, _ zone: TimeZone) -> String {
        let dayBefore = Date(timeIntervalSince1970: TimeInterval(local.secondsAsIfUTC - 2 * 86_400))
        var detail = "clocks go forward that night"
        if let transition = zone.nextDaylightSavingTimeTransition(after: dayBefore) {
            let oldOffset = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let before = TimeFormat.clock(transition, TimeZone(secondsFromGMT: oldOffset) ?? zone)
            let after = TimeFormat.clock(transition, zone)
            detail = "clocks go forward from \(before) to \(after) that night"
        }
        return "\(local) does not exist in \(Zone.name(of: zone)): \(detail); choose a time outside the gap or give an explicit offset"
    }

    struct Parsed {
        var local: LocalDateTime
        var offsetSeconds: Int?
        /// Fractional seconds, 0 ≤ fraction < 1.
        var fraction: TimeInterval = 0
    }

    static func parse(_ text: String) throws -> Parsed {
        let bad = RoundtableError.usage(
            "cannot read '\(text)' as a date and time (expected 2027-03-28T10:00+03:00, or 2027-03-28 10:00 with --tz)")
        let trimmed = UnicodeText.trimmed(text)
        let scalars = Array(trimmed.unicodeScalars)
        var index = 0
        func number(_ width: Int) throws -> Int {
            guard index + width <= scalars.count else { throw bad }
            var value = 0
            for scalar in scalars[index..<(index + width)] {
                guard let digit = scalar.properties.numericType == .decimal ? Int(String(scalar)) : nil,
                      scalar.isASCII
                else { throw bad }
                value = value * 10 + digit
            }
            index += width
            return value
        }
        func expect(_ allowed: Set<Character>) throws {
            guard index < scalars.count, allowed.contains(Character(scalars[index])) else { throw bad }
            index += 1
        }
        let year = try number(4); try expect(["-"])
        let month = try number(2); try expect(["-"])
        let day = try number(2); try expect(["T", "t", " "])
        let hour = try number(2); try expect([":"])
        let minute = try number(2)
        var second = 0
        var fraction: TimeInterval = 0
        if index < scalars.count, scalars[index] == ":" {
            index += 1
            second = try number(2)
            if index < scalars.count, scalars[index] == "." {
                index += 1
                let fractionStart = index
                while index < scalars.count, scalars[index].isASCII, ("0"..."9").contains(Character(scalars[index])) { index += 1 }
                guard index > fractionStart else { throw bad }
                fraction = Double("0." + String(String.UnicodeScalarView(scalars[fractionStart..<index]))) ?? 0
            }
        }
        var offset: Int?
        if index < scalars.count {
            let sign = scalars[index]
            if sign == "Z" || sign == "z" {
                offset = 0
                index += 1
            } else if sign == "+" || sign == "-" {
                index += 1
                let hours = try number(2)
                if index < scalars.count, scalars[index] == ":" { index += 1 }
                let minutes = try number(2)
                guard hours <= 14, minutes < 60 else { throw bad }
                offset = (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60)
            } else {
                throw bad
            }
        }
        guard index == scalars.count else { throw bad }
        let local = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard local.isValid else {
            throw RoundtableError.usage("'\(text)' is not a real date and time")
        }
        return Parsed(local: local, offsetSeconds: offset, fraction: fraction)
    }
}

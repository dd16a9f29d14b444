import Foundation

/// Calendar fields of an instant read at a fixed offset, computed with integer arithmetic
/// (Foundation's Calendar is far too slow for the millions of timestamps an export writes).
public struct CivilTime: Sendable, Equatable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int

    /// Fields given one by one.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.millisecond) = (hour, minute, second, millisecond)
    }

    /// The fields of `date` at `offsetSeconds` from UTC, milliseconds rounded to nearest.
    public init(_ date: Date, offsetSeconds: Int = 0) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded()) + Int64(offsetSeconds) * 1000
        let (days, inDay) = milliseconds.floorDivided(by: 86_400_000)
        millisecond = Int(inDay % 1000)
        let seconds = Int(inDay / 1000)
        (hour, minute, second) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = Int(doy - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
    }

    /// Whether the fields name a real time of a real day (no 31 February, no 24:00).
    public var isValid: Bool {
        (1...12).contains(month) && (1...LocalDateTime.daysInMonth(year: year, month: month)).contains(day)
            && (0..<24).contains(hour) && (0..<60).contains(minute) && (0..<60).contains(second)
            && (0..<1000).contains(millisecond)
    }

    /// The instant these fields name in UTC.
    public var utcDate: Date {
        let days = LocalDateTime.daysFromCivil(year: year, month: month, day: day)
        let milliseconds = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60_000 + Int64(second) * 1000 + Int64(millisecond)
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `2027-03-28T07:00:00.250` plus `suffix`, written into one buffer: exports write millions.
    public func bytes(dateTimeSeparator: UInt8, suffix: UInt8?) -> String {
        guard (0...9999).contains(year) else {
            return "\(date)\(Character(Unicode.Scalar(dateTimeSeparator)))\(time)\(milliseconds)"
                + (suffix.map { String(Character(Unicode.Scalar($0))) } ?? "")
        }
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var index = 0
            func put(_ value: Int, _ width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor *= 10 }
                var remaining = value
                while divisor > 0 {
                    buffer[index] = UInt8(0x30 + remaining / divisor)
                    remaining %= divisor
                    divisor /= 10
                    index += 1
                }
            }
            func put(_ byte: UInt8) {
                buffer[index] = byte
                index += 1
            }
            put(year, 4); put(0x2D); put(month, 2); put(0x2D); put(day, 2); put(dateTimeSeparator)
            put(hour, 2); put(0x3A); put(minute, 2); put(0x3A); put(second, 2); put(0x2E); put(millisecond, 3)
            if let suffix { put(suffix) }
            return index
        }
    }

    /// `2027-03-28`.
    public var date: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// `07:00:00`.
    public var time: String { "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))" }

    /// `07:00`.
    public var clock: String { "\(pad(hour, 2)):\(pad(minute, 2))" }

    /// `.250`.
    public var milliseconds: String { "." + pad(millisecond, 3) }
}

/// Zero-pads a non-negative number to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension Int64 {
    /// Quotient and non-negative remainder.
    func floorDivided(by divisor: Int64) -> (Int64, Int64) {
        let remainder = ((self % divisor) + divisor) % divisor
        return ((self - remainder) / divisor, remainder)
    }
}

import Foundation

/// A wall-clock date and time with no zone, as typed by a user: `2027-03-28T10:00`.
public struct LocalDateTime: Hashable, Sendable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// Creates a wall-clock time; the fields are checked by `validate()`.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
    }

    /// The same fields read as if they were UTC, in seconds since 1970.
    var secondsAsIfUTC: Int64 {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Whether the fields name a real calendar date and clock time.
    var isValid: Bool {
        guard (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute),
              (0...59).contains(second), day >= 1
        else { return false }
        return day <= Self.daysInMonth(year: year, month: month)
    }

    public var description: String {
        let date = String(format: "%04d-%02d-%02d %02d:%02d", year, month, day, hour, minute)
        return second == 0 ? date : date + String(format: ":%02d", second)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil: proleptic Gregorian days since 1970-01-01.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

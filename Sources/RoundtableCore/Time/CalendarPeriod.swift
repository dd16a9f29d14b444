import Foundation

/// A span in calendar units, such as the `6mo` cool-down between focus groups.
public struct CalendarPeriod: Hashable, Sendable, CustomStringConvertible {
    /// Whole months (a year is twelve).
    public var months: Int
    /// Whole days (a week is seven).
    public var days: Int

    /// Creates a period of months and days.
    public init(months: Int = 0, days: Int = 0) {
        self.months = months
        self.days = days
    }

    /// Reads `6mo`, `1y`, `3w`, `30d` or `0` (no cool-down).
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix(while: \.isASCIIDigitCharacter)
        let unit = trimmed.dropFirst(digits.count)
        guard let value = Int(digits), value <= 1200 else {
            throw RoundtableError.usage("cannot read period '\(text)' (expected 6mo, 1y, 3w, 30d or 0)")
        }
        switch unit {
        case "mo", "month", "months": self.init(months: value)
        case "y", "year", "years": self.init(months: value * 12)
        case "w", "week", "weeks": self.init(days: value * 7)
        case "d", "day", "days": self.init(days: value)
        case "" where value == 0: self.init()
        default: throw RoundtableError.usage("cannot read period '\(text)' (expected 6mo, 1y, 3w, 30d or 0)")
        }
    }

    /// Whether the period is empty.
    public var isZero: Bool { months == 0 && days == 0 }

    /// The instant this period before `date`, counted on the calendar of `zone`.
    public func before(_ date: Date, in zone: TimeZone) -> Date {
        Zone.calendar(zone).date(byAdding: DateComponents(month: -months, day: -days), to: date) ?? date
    }

    /// The instant this period after `date`, counted on the calendar of `zone`.
    public func after(_ date: Date, in zone: TimeZone) -> Date {
        Zone.calendar(zone).date(byAdding: DateComponents(month: months, day: days), to: date) ?? date
    }

    public var description: String {
        switch (months, days) {
        case (0, 0): "0"
        case (let m, 0) where m % 12 == 0: "\(m / 12)y"
        case (let m, 0): "\(m)mo"
        case (0, let d) where d % 7 == 0: "\(d / 7)w"
        case (0, let d): "\(d)d"
        default: "\(months)mo\(days)d"
        }
    }
}

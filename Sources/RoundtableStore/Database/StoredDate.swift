import Foundation
import RoundtableCore

/// Dates in the text form GRDB stores them in (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), made and read
/// without a DateFormatter so bulk imports and exports can handle them by the million.
enum StoredDate {
    static func text(_ date: Date) -> String {
        CivilTime(date).bytes(dateTimeSeparator: UInt8(ascii: " "), suffix: nil)
    }

    /// The date in `yyyy-MM-dd HH:mm:ss` with an optional `.SSS`; nil for any other form.
    static func date(_ text: UnsafeBufferPointer<UInt8>) -> Date? {
        guard text.count == 19 || (text.count == 23 && text[19] == UInt8(ascii: ".")),
              text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"), text[10] == UInt8(ascii: " "),
              text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ start: Int, _ width: Int) -> Int? {
            var value = 0
            for byte in text[start..<start + width] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
              let minute = number(14, 2), let second = number(17, 2), let millisecond = text.count == 23 ? number(20, 3) : 0
        else { return nil }
        let fields = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                               millisecond: millisecond)
        return fields.isValid ? fields.utcDate : nil
    }
}

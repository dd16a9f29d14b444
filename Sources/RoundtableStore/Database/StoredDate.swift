import Foundation
import RoundtableCore

/// Dates in the text form GRDB stores them in (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), made without a
/// DateFormatter so bulk imports can write them by the million.
enum StoredDate {
    static func text(_ date: Date) -> String {
        CivilTime(date).bytes(dateTimeSeparator: UInt8(ascii: " "), suffix: nil)
    }
}

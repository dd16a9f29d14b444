import Foundation
import RoundtableCore

/// Facts about Roundtable's own XML format.
public enum NativeFormat {
    /// The namespace of every native element.
    public static let namespace = "urn:roundtable:xml:1"
    /// The newest `version` this program reads strictly and writes.
    public static let version = 3
    /// The default cap on input size: 2 GiB.
    public static let defaultMaxSize: Int64 = 2 << 30

    /// `2026-11-23T18:57:04.123Z`: UTC with milliseconds, so nothing is lost on a round trip.
    static func timestamp(_ date: Date) -> String {
        TimeFormat.utcMilliseconds(date)
    }

    /// Reads a timestamp written by `timestamp(_:)` (or any ISO 8601 instant with an offset).
    static func date(_ text: String, file: String, line: Int) throws -> Date {
        do {
            return try InstantParser.instant(from: text, zone: nil)
        } catch {
            throw XMLInputError(file: file, line: line, message: "'\(text)' is not an ISO 8601 instant")
        }
    }
}

import Foundation
import Testing
@testable import RoundtableCore

/// Shared helpers for the Core tests: fixed instants and zones, and error capture.
enum Fixture {
    static let helsinki = TimeZone(identifier: "Europe/Helsinki")!
    static let oslo = TimeZone(identifier: "Europe/Oslo")!

    /// An instant written as `2027-03-28T07:00:00Z` or `2027-03-28T07:00:00.250Z`.
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("bad fixture instant \(text)") }
        return date
    }
}

/// Runs `body`, expecting it to throw a `RoundtableError`, and returns that error.
@discardableResult
func expectRoundtableError<T>(_ kind: RoundtableError.Kind? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation,
                              _ body: () throws -> T) -> RoundtableError? {
    do {
        let value = try body()
        Issue.record("expected a RoundtableError, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let error as RoundtableError {
        if let kind {
            #expect(error.kind == kind, "message: \(error.message)", sourceLocation: sourceLocation)
        }
        return error
    } catch {
        Issue.record("expected a RoundtableError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

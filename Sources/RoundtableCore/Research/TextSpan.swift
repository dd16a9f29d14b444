import Foundation

/// A stretch of an utterance in Unicode scalar offsets, end exclusive, as codings store it.
///
/// Scalars rather than grapheme clusters or UTF-16 units: they do not change with the Unicode
/// version's segmentation rules or the platform's string encoding, so stored spans stay valid.
public struct TextSpan: Sendable, Equatable, Hashable {
    /// The offset of the first scalar in the span.
    public let start: Int
    /// The offset just past the last scalar in the span.
    public let end: Int

    /// Creates a span without checking it; use `checked(start:end:in:)` for anything a user typed.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// A span of `text`, refusing an empty or reversed one or one outside the text as bad data.
    public static func checked(start: Int, end: Int, in text: String) throws -> TextSpan {
        let length = text.unicodeScalars.count
        if end <= start {
            throw RoundtableError.rule("span \(start)..\(end) is empty: its end must be after its start (the utterance has \(length) characters)")
        }
        if start < 0 || end > length {
            throw RoundtableError.rule("span \(start)..\(end) is outside the utterance (\(length) characters)")
        }
        return TextSpan(start: start, end: end)
    }

    /// How many scalars the span covers.
    public var length: Int { max(0, end - start) }

    /// Whether the span lies inside a text of `scalarCount` scalars and is not empty.
    public func fits(scalarCount: Int) -> Bool {
        start >= 0 && start < end && end <= scalarCount
    }

    /// Whether the two spans share at least one scalar.
    public func overlaps(_ other: TextSpan) -> Bool {
        start < other.end && other.start < end
    }

    /// The scalars of `text` the span covers, clamped to the text so a stale span cannot trap.
    public func text(in text: String) -> String {
        let scalars = text.unicodeScalars
        let lower = min(max(start, 0), scalars.count)
        let upper = min(max(end, lower), scalars.count)
        let from = scalars.index(scalars.startIndex, offsetBy: lower)
        let to = scalars.index(from, offsetBy: upper - lower)
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[from..<to])
        return result
    }
}

import Foundation

/// Counts of expectation-versus-experience answers on the −2…+2 scale.
public struct ExpectationTally: Sendable, Equatable {
    /// The answer scale: −2 (far below expectations) to +2 (far above).
    public static let scale: ClosedRange<Int> = -2...2

    /// How many answers were counted.
    public let n: Int
    /// Answers below zero: the experience fell short.
    public let missed: Int
    /// Answers of zero: the experience was as expected.
    public let met: Int
    /// Answers above zero: the experience was better than expected.
    public let exceeded: Int

    /// Counts `values`, refusing any outside −2…+2 as bad data.
    public init(_ values: [Int]) throws {
        if let bad = values.first(where: { !Self.scale.contains($0) }) {
            throw RoundtableError.rule("expectation value \(bad) is outside -2…+2")
        }
        self.init(missed: values.count { $0 < 0 }, met: values.count { $0 == 0 }, exceeded: values.count { $0 > 0 })
    }

    /// Builds a tally from counts already made, such as a database aggregate.
    public init(missed: Int, met: Int, exceeded: Int) {
        precondition(missed >= 0 && met >= 0 && exceeded >= 0, "counts cannot be negative")
        self.missed = missed
        self.met = met
        self.exceeded = exceeded
        n = missed + met + exceeded
    }

    /// The outcome a single answer stands for.
    public enum Outcome: String, Sendable, Equatable, CaseIterable {
        /// Below zero.
        case missed
        /// Zero.
        case met
        /// Above zero.
        case exceeded
    }

    /// The outcome of one answer, or nil when it is outside −2…+2.
    public static func outcome(of value: Int) -> Outcome? {
        guard scale.contains(value) else { return nil }
        return value < 0 ? .missed : value == 0 ? .met : .exceeded
    }

    /// How many answers had `outcome`.
    public func count(of outcome: Outcome) -> Int {
        switch outcome {
        case .missed: missed
        case .met: met
        case .exceeded: exceeded
        }
    }
}

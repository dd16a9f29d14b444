import Foundation

/// The mean of a set of rating scores with its 95% confidence interval (Student's t).
public struct ScoreSummary: Sendable, Equatable {
    /// How many scores were summarised.
    public let n: Int
    /// The arithmetic mean; nil when there are no scores.
    public let mean: Double?
    /// The sample standard deviation (divisor n − 1); nil when n < 2.
    public let standardDeviation: Double?
    /// The two-sided 95% confidence interval of the mean; nil when n < 2.
    public let interval: ClosedRange<Double>?

    /// Summarises `scores`; any integers are accepted, the scale is the caller's concern.
    public init(_ scores: [Int]) {
        n = scores.count
        guard n > 0 else {
            mean = nil
            standardDeviation = nil
            interval = nil
            return
        }
        let average = scores.reduce(0.0) { $0 + Double($1) } / Double(n)
        mean = average
        guard n > 1 else {
            standardDeviation = nil
            interval = nil
            return
        }
        // Two passes: deviations from the mean avoid the cancellation of the sum-of-squares formula.
        let squares = scores.reduce(0.0) { sum, score in
            let deviation = Double(score) - average
            return sum + deviation * deviation
        }
        let sd = (squares / Double(n - 1)).squareRoot()
        standardDeviation = sd
        let halfWidth = Self.tCritical(degreesOfFreedom: n - 1) * sd / Double(n).squareRoot()
        interval = (average - halfWidth)...(average + halfWidth)
    }

    /// Half the width of the confidence interval; nil when n < 2.
    public var halfWidth: Double? {
        interval.map { ($0.upperBound - $0.lowerBound) / 2 }
    }

    /// The two-sided 95% critical value of Student's t for `df` degrees of freedom (df ≥ 1), from
    /// the exact quantile (`StudentT`), not a table.
    public static func tCritical(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "a t distribution needs at least one degree of freedom")
        return StudentT.critical(confidence: 0.95, degreesOfFreedom: Double(df))
    }
}

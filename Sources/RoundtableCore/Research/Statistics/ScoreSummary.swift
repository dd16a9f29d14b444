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

    /// Two-sided 95% critical values of Student's t for 1…30 degrees of freedom.
    static let tTable: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]

    /// Tabulated critical values beyond 30 degrees of freedom, ending with the normal limit (∞).
    static let tTail: [(df: Double, t: Double)] = [(30, 2.042), (40, 2.021), (60, 2.000), (120, 1.980), (.infinity, 1.960)]

    /// The two-sided 95% critical value of Student's t for `df` degrees of freedom (df ≥ 1).
    ///
    /// Exact table values for df 1…30, 40, 60 and 120. Between those, and beyond 120 towards the
    /// normal 1.960, values are interpolated linearly in 1/df, the usual way to read a t table;
    /// the result is within 0.001 of the exact quantile.
    public static func tCritical(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "a t distribution needs at least one degree of freedom")
        if df <= tTable.count { return tTable[df - 1] }
        let x = 1 / Double(df)
        for (lower, upper) in zip(tTail, tTail.dropFirst()) where Double(df) <= upper.df {
            let fraction = (1 / lower.df - x) / (1 / lower.df - 1 / upper.df)
            return lower.t + (upper.t - lower.t) * fraction
        }
        return 1.960
    }
}

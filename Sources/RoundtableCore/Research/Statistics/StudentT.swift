import Foundation

/// Student's t distribution: its distribution function and quantiles, from the regularized
/// incomplete beta function.
public enum StudentT {
    /// P(T ≤ t) for `df` degrees of freedom (df > 0).
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        precondition(df > 0, "a t distribution needs positive degrees of freedom")
        guard t.isFinite else { return t > 0 ? 1 : 0 }
        let tail = upperTail(abs(t), df)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p, for 0 < p < 1 and `df` > 0.
    ///
    /// Bisection on the upper tail, which the incomplete beta function gives with full relative
    /// precision however small it is, run until the bracket stops shrinking: accurate to the last
    /// few bits of a Double rather than to a table's three decimals.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1")
        precondition(df > 0, "a t distribution needs positive degrees of freedom")
        if p == 0.5 { return 0 }
        let target = p > 0.5 ? 1 - p : p
        var low = 0.0
        var high = 1.0
        while upperTail(high, df) > target { low = high; high *= 2 }
        while true {
            let middle = (low + high) / 2
            guard middle > low && middle < high else { break }
            if upperTail(middle, df) > target { low = middle } else { high = middle }
        }
        let t = (low + high) / 2
        return p > 0.5 ? t : -t
    }

    /// The two-sided critical value: the t that leaves (1 − confidence) / 2 in each tail.
    public static func critical(confidence: Double = 0.95, degreesOfFreedom df: Double) -> Double {
        quantile(1 - (1 - confidence) / 2, degreesOfFreedom: df)
    }

    /// P(T > t) for t ≥ 0: half the regularized incomplete beta I_x(df/2, 1/2) at x = df / (df + t²).
    /// 1 − x is passed as t² / (df + t²), not subtracted, so small t keep their precision.
    static func upperTail(_ t: Double, _ df: Double) -> Double {
        let t2 = t * t
        return 0.5 * IncompleteBeta.regularized(df / (df + t2), complement: t2 / (df + t2), a: df / 2, b: 0.5)
    }
}

import Foundation

/// The two-sided Wilcoxon signed-rank test of paired differences, as `scipy.stats.wilcoxon`
/// computes it with `zero_method="wilcox"`.
///
/// Zero differences are dropped. The absolute differences are ranked, ties getting their average
/// rank. The statistic is the smaller of the positive and negative rank sums. Without ties and with
/// at most `exactLimit` differences left, the p-value comes from the exact null distribution
/// (SciPy's `method="exact"`); otherwise from the normal approximation with the tie-corrected
/// variance and a continuity correction (SciPy's `method="asymptotic", correction=True`).
public struct WilcoxonSignedRank: Sendable, Equatable {
    /// How the p-value was found.
    public enum Method: String, Sendable, Equatable {
        /// The exact null distribution of the rank sum.
        case exact
        /// The normal approximation, tie- and continuity-corrected.
        case normal
    }

    /// The largest n (after dropping zeros) given an exact p-value.
    public static let exactLimit = 25

    /// Differences left after dropping zeros.
    public let n: Int
    /// Zero differences dropped.
    public let zeros: Int
    /// The sum of the ranks of positive differences.
    public let positiveRankSum: Double
    /// The sum of the ranks of negative differences.
    public let negativeRankSum: Double
    /// Whether some absolute differences were tied.
    public let ties: Bool
    /// How the p-value was found.
    public let method: Method
    /// The normal deviate, continuity-corrected and negative (as SciPy reports it); nil for an exact test.
    public let z: Double?
    /// The two-sided p-value; nil when no difference is left.
    public let pValue: Double?

    /// W: the smaller rank sum, the statistic SciPy reports for a two-sided test.
    public var statistic: Double { min(positiveRankSum, negativeRankSum) }

    /// Tests `differences` (first minus second of each pair).
    public init(differences: [Double]) {
        let nonZero = differences.filter { $0 != 0 }
        zeros = differences.count - nonZero.count
        n = nonZero.count
        let ranked = Self.averageRanks(nonZero.map(abs))
        positiveRankSum = zip(nonZero, ranked.ranks).reduce(0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
        negativeRankSum = zip(nonZero, ranked.ranks).reduce(0) { $0 + ($1.0 < 0 ? $1.1 : 0) }
        ties = ranked.tieSizes.contains { $0 > 1 }
        if n == 0 {
            method = ties ? .normal : .exact
            z = nil
            pValue = nil
        } else if !ties && n <= Self.exactLimit {
            method = .exact
            z = nil
            pValue = Self.exactPValue(n: n, statistic: Int(min(positiveRankSum, negativeRankSum)))
        } else {
            method = .normal
            let count = Double(n)
            let mean = count * (count + 1) / 4
            let tieTerm = ranked.tieSizes.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) }
            let se = ((count * (count + 1) * (2 * count + 1) - tieTerm / 2) / 24).squareRoot()
            var deviate = (positiveRankSum - mean) / se
            if deviate != 0 { deviate -= (deviate > 0 ? 0.5 : -0.5) / se }
            z = -abs(deviate)
            pValue = min(1, 2 * StandardNormal.upperTail(abs(deviate)))
        }
    }

    /// Tests pairs of integer answers, such as two concepts' appeal from the same people.
    public init(pairs: [(Int, Int)]) {
        self.init(differences: pairs.map { Double($0.0 - $0.1) })
    }

    /// Average ranks (1-based) of `values` and the sizes of their groups of equal values.
    static func averageRanks(_ values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end + 2) / 2
            for position in start...end { ranks[order[position]] = average }
            tieSizes.append(end - start + 1)
            start = end + 1
        }
        return (ranks, tieSizes)
    }

    /// 2·P(W ≤ statistic) under the null, capped at 1: every one of the 2ⁿ sign patterns equally likely.
    static func exactPValue(n: Int, statistic: Int) -> Double {
        let total = n * (n + 1) / 2
        // counts[s]: how many subsets of the ranks 1…n sum to s.
        var counts = [Double](repeating: 0, count: total + 1)
        counts[0] = 1
        for rank in 1...n {
            for sum in stride(from: total, through: rank, by: -1) { counts[sum] += counts[sum - rank] }
        }
        let lower = counts[0...min(statistic, total)].reduce(0, +)
        return min(1, 2 * lower / pow(2, Double(n)))
    }
}

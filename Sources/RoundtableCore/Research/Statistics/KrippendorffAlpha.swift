import Foundation

/// Krippendorff's α for nominal data, for any number of coders and with missing values
/// (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011, section C).
///
/// Only pairable units (two or more values) count. From the coincidence matrix
/// o_ck = Σ_u (number of c–k pairs of values in u) / (m_u − 1), with n_c = Σ_k o_ck and n = Σ_c n_c:
///
///     α = 1 − D_o / D_e = 1 − (n − 1) · (n − Σ_c o_cc) / (n² − Σ_c n_c²)
///
/// α is 1 for perfect agreement, 0 for agreement at chance; it is undefined when fewer than two
/// values are pairable or every pairable value is the same (D_e = 0: no variation).
public struct KrippendorffAlpha: Sendable, Equatable {
    /// n: the number of pairable values, counted by weight.
    public let pairableValues: Int
    /// Σ_c o_cc: the coincidences of a value with itself (the diagonal of the coincidence matrix).
    public let matches: Double
    /// Σ_c n_c²: the squares of how often each value was given in pairable units.
    public let squaredValueTotals: Int

    /// α over the pairable units of `data`.
    public init<Value>(_ data: ReliabilityData<Value>) {
        var totals: [Value: Int] = [:]
        // Σ count·(count − 1) per unit size m, kept as integers and divided by m − 1 once per size:
        // weighted and unit-by-unit data then give the very same α.
        var sameValuePairs: [Int: Int] = [:]
        for unit in data.pairable {
            var pairs = 0
            for (value, count) in unit.counts {
                totals[value, default: 0] += count * unit.weight
                pairs += count * (count - 1)
            }
            sameValuePairs[unit.values, default: 0] += pairs * unit.weight
        }
        pairableValues = totals.values.reduce(0, +)
        squaredValueTotals = totals.values.reduce(0) { $0 + $1 * $1 }
        matches = sameValuePairs.sorted { $0.key < $1.key }
            .reduce(0.0) { $0 + Double($1.value) / Double($1.key - 1) }
    }

    /// The observed disagreement D_o = (n − Σ_c o_cc) / n; nil without pairable values.
    public var observedDisagreement: Double? {
        pairableValues > 0 ? (Double(pairableValues) - matches) / Double(pairableValues) : nil
    }

    /// The expected disagreement D_e = (n² − Σ_c n_c²) / (n (n − 1)); nil with fewer than two values.
    public var expectedDisagreement: Double? {
        let n = Double(pairableValues)
        return pairableValues > 1 ? (n * n - Double(squaredValueTotals)) / (n * (n - 1)) : nil
    }

    /// α, at most 1; nil when undefined (see `undefinedReason`).
    public var value: Double? {
        guard undefinedReason == nil else { return nil }
        let n = Double(pairableValues)
        return 1 - (n - 1) * (n - matches) / (n * n - Double(squaredValueTotals))
    }

    /// Why α is undefined, in words for a report; nil when it is defined.
    public var undefinedReason: String? {
        if pairableValues < 2 { return "no unit has values from two coders to compare" }
        if pairableValues * pairableValues == squaredValueTotals {
            return "no variation: every coder gave every unit the same value"
        }
        return nil
    }
}

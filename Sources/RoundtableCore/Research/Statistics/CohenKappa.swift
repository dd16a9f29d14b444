import Foundation

/// Cohen's κ for two coders on nominal data (Cohen 1960).
///
/// κ = (p_o − p_e) / (1 − p_e), where p_o is the share of units both coders valued alike and
/// p_e = Σ_c p₁(c) · p₂(c) the agreement expected from each coder's own distribution of values.
/// Only units that both coders valued count (pairwise complete, as scikit-learn's
/// `cohen_kappa_score` takes its two label lists).
public struct CohenKappa: Sendable, Equatable {
    /// The units both coders valued, counted by weight.
    public let units: Int
    /// The units both coders valued alike, counted by weight.
    public let agreeing: Int
    /// Σ_c n₁(c) · n₂(c): the products of how often each coder gave each value.
    public let chanceProduct: Int

    /// κ over `data`, or nil unless it compares exactly two coders.
    public init?<Value>(_ data: ReliabilityData<Value>) {
        guard data.coders == 2 else { return nil }
        var units = 0
        var agreeing = 0
        var first: [Value: Int] = [:]
        var second: [Value: Int] = [:]
        for unit in data.units {
            guard let a = unit.values[0], let b = unit.values[1] else { continue }
            units += unit.weight
            if a == b { agreeing += unit.weight }
            first[a, default: 0] += unit.weight
            second[b, default: 0] += unit.weight
        }
        self.units = units
        self.agreeing = agreeing
        chanceProduct = first.reduce(0) { $0 + $1.value * (second[$1.key] ?? 0) }
    }

    /// The observed agreement p_o; nil without units.
    public var observed: Double? { units > 0 ? Double(agreeing) / Double(units) : nil }

    /// The chance agreement p_e; nil without units.
    public var expected: Double? { units > 0 ? Double(chanceProduct) / (Double(units) * Double(units)) : nil }

    /// κ from −1 to 1; nil when it is undefined: no units, or p_e = 1 (both coders gave one and the
    /// same value throughout, so there is no variation to agree on).
    public var value: Double? {
        // (n·a − Σ) / (n² − Σ) is (p_o − p_e) / (1 − p_e) multiplied through by n², all integers
        // until the one division, so weighted and unit-by-unit data give the very same κ.
        let n = Double(units)
        let denominator = n * n - Double(chanceProduct)
        guard units > 0, denominator != 0 else { return nil }
        return (n * Double(agreeing) - Double(chanceProduct)) / denominator
    }
}

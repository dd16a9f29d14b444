import Foundation

/// Percentage agreement: the share of units on which every coder who gave a value gave the same one.
///
/// p = (units with full agreement) / (pairable units) × 100, over units with at least two values.
/// For two coders this is the familiar proportion of units both coded alike; for more it is the
/// strict "all coders agree" reading that MAXQDA and ATLAS.ti report, not the average of pairs.
public struct PercentAgreement: Sendable, Equatable {
    /// The units compared (with at least two values), counted by weight.
    public let units: Int
    /// The units on which every value was the same, counted by weight.
    public let agreeing: Int

    /// Counts agreement over the pairable units of `data`.
    public init<Value>(_ data: ReliabilityData<Value>) {
        var units = 0
        var agreeing = 0
        for unit in data.pairable {
            units += unit.weight
            if unit.counts.count == 1 { agreeing += unit.weight }
        }
        self.units = units
        self.agreeing = agreeing
    }

    /// 0…100; nil when no unit has two values to compare.
    public var percent: Double? {
        units > 0 ? 100 * Double(agreeing) / Double(units) : nil
    }
}

import Foundation

/// Reliability data in Krippendorff's canonical form: the values that `coders` coders gave a set of
/// units, nil where a coder gave none (a missing value).
///
/// Each unit carries a weight, the number of identical units it stands for, and units with the same
/// values are kept once with their weights summed: every statistic here is a sum over units of a
/// function of a unit's values, so this changes no result and keeps a long transcript's thousands of
/// units down to the few value patterns they show. Every statistic built on it equals the one
/// computed over the units written out one by one.
public struct ReliabilityData<Value: Hashable & Sendable>: Sendable {
    /// One unit: a value (or nil) from each coder, in coder order, and how many units it stands for.
    public struct Unit: Sendable, Equatable {
        /// The coders' values, nil where a coder gave none.
        public let values: [Value?]
        /// How many identical units this one stands for (at least 1).
        public internal(set) var weight: Int
    }

    /// How many coders the data compares.
    public let coders: Int
    /// The distinct units, in the order their values first came, each with its summed weight.
    public private(set) var units: [Unit] = []
    /// Where each distinct set of values is in `units`.
    private var positions: [[Value?]: Int] = [:]

    /// Empty data for `coders` coders.
    public init(coders: Int) {
        precondition(coders >= 0, "a coder count cannot be negative")
        self.coders = coders
    }

    /// Data from a coders × units matrix, one row per coder, as Krippendorff tabulates it.
    public init(rows: [[Value?]]) {
        self.init(coders: rows.count)
        let count = rows.map(\.count).max() ?? 0
        precondition(rows.allSatisfy { $0.count == count }, "every coder's row must have one value per unit")
        for unit in 0..<count { add(rows.map { $0[unit] }) }
    }

    /// Adds a unit: one value (or nil) per coder, standing for `weight` identical units.
    public mutating func add(_ values: [Value?], weight: Int = 1) {
        precondition(values.count == coders, "a unit needs one value (or nil) per coder")
        precondition(weight > 0, "a unit's weight must be positive")
        if let position = positions[values] {
            units[position].weight += weight
        } else {
            positions[values] = units.count
            units.append(Unit(values: values, weight: weight))
        }
    }

    /// Adds every unit of `other`, which must compare as many coders.
    public mutating func append(contentsOf other: ReliabilityData<Value>) {
        precondition(other.coders == coders, "only data of the same coders can be pooled")
        for unit in other.units { add(unit.values, weight: unit.weight) }
    }

    /// How many units there are, counting each by its weight.
    public var unitCount: Int { units.reduce(0) { $0 + $1.weight } }

    /// The pairable units (at least two values, as Krippendorff requires), each with how often each
    /// value occurs in it; the others cannot be compared and are left out of every statistic.
    var pairable: [(counts: [Value: Int], values: Int, weight: Int)] {
        units.compactMap { unit in
            var counts: [Value: Int] = [:]
            var values = 0
            for case let value? in unit.values {
                counts[value, default: 0] += 1
                values += 1
            }
            return values >= 2 ? (counts, values, unit.weight) : nil
        }
    }
}

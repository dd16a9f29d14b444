import Foundation

/// Balanced presentation orders for the concepts of a study, so order effects cancel out.
///
/// Orders come from a Williams design (a balanced Latin square). For an even number of concepts
/// the cycle has k rows; for an odd number 2k rows: the k rows of the square, then their reverses.
/// Over a complete cycle every concept is shown equally often in every position, and each
/// concept immediately follows every other one equally often (once for even k, twice for odd k).
public enum ConceptRotation {
    /// How many sessions make up one balanced cycle for `count` concepts: k for even k, 2k for odd k > 1.
    public static func cycleLength(count k: Int) -> Int {
        guard k > 1 else { return 1 }
        return k.isMultiple(of: 2) ? k : 2 * k
    }

    /// The order in which to show `count` concepts in the `session`-th session (0-based) of a study:
    /// indexes into the concept list, row `session` modulo the cycle length. Empty when `count` < 1.
    public static func order(count k: Int, session i: Int) -> [Int] {
        guard k > 0 else { return [] }
        let cycle = cycleLength(count: k)
        // A negative index is treated like any other residue so callers can count backwards.
        let row = ((i % cycle) + cycle) % cycle
        // The first k rows form a Latin square on their own, so a study that stops after k
        // sessions is still position-balanced; the reversed rows then repair carry-over for odd k.
        if row < k {
            return squareRow(count: k, shift: row)
        }
        return squareRow(count: k, shift: row - k).reversed()
    }

    /// All rows of one cycle for `count` concepts, in session order.
    public static func cycle(count k: Int) -> [[Int]] {
        guard k > 0 else { return [] }
        return (0..<cycleLength(count: k)).map { order(count: k, session: $0) }
    }

    /// Row `shift` of the Williams square: the base row 0, 1, k−1, 2, k−2, … with `shift` added mod k.
    static func squareRow(count k: Int, shift: Int) -> [Int] {
        baseRow(count: k).map { ($0 + shift) % k }
    }

    /// The zig-zag first row 0, 1, k−1, 2, k−2, …: its successive differences are all distinct mod k,
    /// which is what makes the shifted rows carry-over balanced.
    static func baseRow(count k: Int) -> [Int] {
        var row = [0]
        row.reserveCapacity(k)
        var low = 1
        var high = k - 1
        var takeLow = true
        while row.count < k {
            if takeLow {
                row.append(low)
                low += 1
            } else {
                row.append(high)
                high -= 1
            }
            takeLow.toggle()
        }
        return row
    }
}

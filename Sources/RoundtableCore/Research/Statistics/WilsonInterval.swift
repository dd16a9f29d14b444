import Foundation

/// A share of answers (such as the top-2-box: 4 or 5 on a 1–5 scale) with its Wilson score interval.
public struct WilsonInterval: Sendable, Equatable {
    /// Answers that count, such as those of 4 or 5.
    public let count: Int
    /// All answers.
    public let n: Int
    /// count ÷ n, from 0 to 1; nil when there are no answers.
    public let share: Double?
    /// The Wilson score interval of the share, within 0…1; nil when there are no answers.
    public let interval: ClosedRange<Double>?

    /// The share `count` of `n` with its interval at `z` (default: two-sided 95%).
    ///
    /// Wilson's interval, unlike the plain p ± z·√(p(1−p)/n), stays inside 0…1 and does not
    /// collapse to a point when every answer (or none) counts — the usual case for small groups.
    public init(count: Int, n: Int, z: Double = StandardNormal.z95) {
        precondition(n >= 0 && count >= 0 && count <= n, "a share needs 0 ≤ count ≤ n")
        self.count = count
        self.n = n
        guard n > 0 else {
            share = nil
            interval = nil
            return
        }
        let p = Double(count) / Double(n)
        let total = Double(n)
        let z2 = z * z
        let denominator = 1 + z2 / total
        let centre = (p + z2 / (2 * total)) / denominator
        let half = z / denominator * (p * (1 - p) / total + z2 / (4 * total * total)).squareRoot()
        share = p
        interval = max(0, centre - half)...min(1, centre + half)
    }

    /// The top-2-box of 1–5 answers: the share of 4s and 5s.
    public static func topTwoBox(_ scores: [Int]) -> WilsonInterval {
        WilsonInterval(count: scores.count { $0 >= 4 }, n: scores.count)
    }
}

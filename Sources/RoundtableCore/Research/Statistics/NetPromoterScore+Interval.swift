import Foundation

extension NetPromoterScore {
    /// The 95% interval of the score in points (−100…100); nil without answers.
    ///
    /// With p and d the shares of promoters and detractors, NPS = p − d has variance
    /// [p + d − (p − d)²] / n (the difference of two shares of one multinomial sample), so the
    /// interval is NPS ± z·√variance, times 100. It is clipped to −100…100, the score's range,
    /// which the normal approximation can overshoot in small, one-sided groups.
    public var interval: ClosedRange<Double>? {
        interval(z: StandardNormal.z95)
    }

    /// The interval at another critical value `z`.
    public func interval(z: Double) -> ClosedRange<Double>? {
        guard let variance, let score else { return nil }
        let half = 100 * z * variance.squareRoot()
        return max(-100, score - half)...min(100, score + half)
    }

    /// [p + d − (p − d)²] / n on the 0–1 scale; nil without answers.
    public var variance: Double? {
        guard n > 0 else { return nil }
        let p = Double(promoters) / Double(n)
        let d = Double(detractors) / Double(n)
        return (p + d - (p - d) * (p - d)) / Double(n)
    }
}

import Foundation

/// The standard normal distribution, as far as the reports need it.
public enum StandardNormal {
    /// The two-sided 95% critical value, Φ⁻¹(0.975).
    public static let z95 = 1.959963984540054

    /// P(Z > z).
    public static func upperTail(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }
}

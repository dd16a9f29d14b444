import Foundation

/// Krippendorff's α and Cohen's κ as independent implementations compute them: the `krippendorff`
/// package from PyPI and scikit-learn, through scripts/agreement-reference.py.
enum AgreementReference {
    /// One case's reference values; nil where the package finds the measure undefined.
    struct Values: Decodable {
        var alpha: Double?
        var kappa: Double?
    }

    static let script = PythonReference.script("agreement-reference.py")

    /// The reference values of each coders × units matrix (nil for a missing value), in order.
    /// Throws — failing the test rather than skipping it — when python3 or its packages are missing.
    static func values(_ cases: [[[Int?]]]) throws -> [Values] {
        struct Request: Encodable { var cases: [[String: [[Int?]]]] }
        struct Response: Decodable { var results: [Values] }
        let input = try JSONEncoder().encode(Request(cases: cases.map { ["rows": $0] }))
        let output = try PythonReference.run(script, input: input, needs: "krippendorff and scikit-learn")
        return try JSONDecoder().decode(Response.self, from: output).results
    }
}

/// SplitMix64: a small seeded generator, so generated test data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation

/// Student's t quantiles, Wilson intervals and Wilcoxon signed-rank tests as SciPy computes them,
/// through scripts/statistics-reference.py.
enum StatisticsReference {
    struct Quantile: Encodable { var p: Double, df: Double }
    struct Share: Encodable { var count: Int, n: Int }
    struct Paired: Encodable { var differences: [Double], method: String }

    struct Request: Encodable {
        var t: [Quantile] = []
        var wilson: [Share] = []
        var wilcoxon: [Paired] = []
    }

    struct Wilcoxon: Decodable {
        var statistic: Double?
        var pvalue: Double?
        var z: Double?
    }

    struct Response: Decodable {
        var t: [Double]
        var wilson: [[Double]]
        var wilcoxon: [Wilcoxon]
    }

    static let script = PythonReference.script("statistics-reference.py")

    /// SciPy's answers to `request`, in its order; throws (failing the test) without python3 and SciPy.
    static func values(_ request: Request) throws -> Response {
        let output = try PythonReference.run(script, input: try JSONEncoder().encode(request), needs: "scipy")
        return try JSONDecoder().decode(Response.self, from: output)
    }
}

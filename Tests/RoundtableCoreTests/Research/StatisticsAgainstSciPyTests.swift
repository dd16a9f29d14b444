import Foundation
import Testing
@testable import RoundtableCore

/// Student's t quantiles, Wilson intervals and the Wilcoxon signed-rank test against SciPy on
/// seeded generated data. Fails, not skips, without python3 and SciPy (scripts/test.sh installs them).
@Suite("Statistics against SciPy")
struct StatisticsAgainstSciPyTests {
    @Test("t quantiles agree with scipy.stats.t.ppf to 1e-9 relative")
    func tQuantiles() throws {
        var cases: [StatisticsReference.Quantile] = []
        for df in [1.0, 2, 3, 4, 5, 7, 10, 15, 24, 30, 40, 60, 99, 120, 500, 1000, 1e5, 0.5, 2.5] {
            for p in [0.5000001, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.9995, 1e-6, 0.025, 0.3] {
                cases.append(.init(p: p, df: df))
            }
        }
        let reference = try StatisticsReference.values(.init(t: cases)).t
        #expect(reference.count == cases.count)
        for (query, expected) in zip(cases, reference) {
            let actual = StudentT.quantile(query.p, degreesOfFreedom: query.df)
            #expect(abs(actual - expected) <= 1e-9 * max(1, abs(expected)), "t(\(query.df)) at \(query.p): \(actual) vs \(expected)")
        }
    }

    @Test("Wilson intervals agree with binomtest(...).proportion_ci(method='wilson') to 1e-12")
    func wilson() throws {
        var cases: [StatisticsReference.Share] = []
        for n in [1, 2, 3, 5, 8, 13, 30, 100, 1000] {
            for count in Set([0, 1, n / 3, n / 2, n - 1, n]) where count >= 0 && count <= n {
                cases.append(.init(count: count, n: n))
            }
        }
        let reference = try StatisticsReference.values(.init(wilson: cases)).wilson
        for (query, expected) in zip(cases, reference) {
            let interval = try #require(WilsonInterval(count: query.count, n: query.n).interval)
            #expect(abs(interval.lowerBound - expected[0]) <= 1e-12, "\(query.count)/\(query.n) low")
            #expect(abs(interval.upperBound - expected[1]) <= 1e-12, "\(query.count)/\(query.n) high")
        }
    }

    @Test("Wilcoxon signed-rank W and p agree with scipy.stats.wilcoxon on generated pairs")
    func wilcoxon() throws {
        var generator = SeededGenerator(seed: 20_261_204)
        var samples: [[Double]] = []
        // Continuous differences, no ties: the exact distribution up to n = 25, normal beyond.
        for n in [1, 2, 3, 5, 6, 9, 12, 16, 20, 25, 26, 40, 80] {
            samples.append((0..<n).map { _ in Double.random(in: -2...3, using: &generator) })
        }
        // Appeal-like differences of 1–5 ratings: many ties and zeros.
        for n in [4, 8, 15, 30, 60, 200] {
            samples.append((0..<n).map { _ in Double(Int.random(in: 1...5, using: &generator) - Int.random(in: 1...5, using: &generator)) })
        }
        // Shifted ratings, all one sign, all zeros but one, and all tied.
        samples.append((0..<20).map { _ in Double(Int.random(in: 0...3, using: &generator)) })
        samples.append([0, 0, 0, 0, 2])
        samples.append([1, 1, 1, 1, 1, 1])
        samples.append([-3, -3, 2, 2, 0, 1, -1, 4])
        let tests = samples.map { WilcoxonSignedRank(differences: $0) }
        let cases = zip(samples, tests).map { sample, test in
            StatisticsReference.Paired(differences: sample, method: test.method == .exact ? "exact" : "asymptotic")
        }
        let reference = try StatisticsReference.values(.init(wilcoxon: cases)).wilcoxon
        #expect(tests.contains { $0.method == .exact } && tests.contains { $0.method == .normal && $0.ties })
        for (index, (test, expected)) in zip(tests, reference).enumerated() {
            let statistic = try #require(expected.statistic)
            let p = try #require(expected.pvalue)
            #expect(abs(test.statistic - statistic) <= 1e-9, "case \(index): W \(test.statistic) vs \(statistic)")
            #expect(abs((test.pValue ?? .nan) - p) <= 1e-12 + 1e-9 * p, "case \(index) (\(test.method)): p \(test.pValue ?? .nan) vs \(p)")
            if test.method == .normal, let z = expected.z {
                #expect(abs((test.z ?? .nan) - z) <= 1e-9, "case \(index): z")
            }
        }
    }
}

import Foundation
import Testing
@testable import RoundtableCore

/// Means and 95% intervals checked against values worked out by hand.
@Suite("ScoreSummary")
struct ScoreSummaryTests {
    /// Whether two doubles agree to `tolerance`.
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 0.0005) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test("[4,5,3,4]: mean 4, sd 0.8165, t(3) = 3.182, half-width 1.299")
    func handComputed() throws {
        let summary = ScoreSummary([4, 5, 3, 4])
        #expect(summary.n == 4)
        #expect(summary.mean == 4)
        #expect(close(summary.standardDeviation, 0.8165))
        let interval = try #require(summary.interval)
        #expect(close(interval.lowerBound, 4 - 1.299))
        #expect(close(interval.upperBound, 4 + 1.299))
        #expect(close(summary.halfWidth, 3.1824463052837078 * (2.0 / 3).squareRoot() / 2, 1e-12))
    }

    @Test("[1…5]: mean 3, sd 1.5811, t(4) = 2.776, half-width 1.963")
    func oneToFive() throws {
        let summary = ScoreSummary([1, 2, 3, 4, 5])
        #expect(summary.mean == 3)
        #expect(close(summary.standardDeviation, 1.5811))
        #expect(close(summary.halfWidth, 1.9629))
        let interval = try #require(summary.interval)
        #expect(close(interval.lowerBound, 1.0371))
    }

    @Test("two scores use t(1) = 12.7062")
    func twoScores() {
        let summary = ScoreSummary([2, 4])
        #expect(summary.mean == 3)
        #expect(close(summary.standardDeviation, 2.0.squareRoot(), 1e-12))
        #expect(close(summary.halfWidth, 12.706204736174698, 1e-9))
    }

    @Test("empty and single samples have no interval")
    func smallSamples() {
        let empty = ScoreSummary([])
        #expect(empty.n == 0)
        #expect(empty.mean == nil)
        #expect(empty.standardDeviation == nil)
        #expect(empty.interval == nil)
        #expect(empty.halfWidth == nil)
        let one = ScoreSummary([3])
        #expect(one.n == 1)
        #expect(one.mean == 3)
        #expect(one.standardDeviation == nil)
        #expect(one.interval == nil)
    }

    @Test("identical scores give a zero-width interval")
    func identical() {
        let summary = ScoreSummary([5, 5, 5])
        #expect(summary.standardDeviation == 0)
        #expect(summary.interval == 5...5)
    }

    @Test("a mean that is not whole")
    func fractionalMean() {
        let summary = ScoreSummary([1, 2])
        #expect(summary.mean == 1.5)
        #expect(ScoreSummary([1, 1, 2]).mean.map { abs($0 - 4.0 / 3) < 1e-12 } == true)
    }

    @Test("the printed t table's values are the exact ones rounded", arguments: [
        (1, 12.706), (2, 4.303), (3, 3.182), (10, 2.228), (20, 2.086), (29, 2.045), (30, 2.042),
        (40, 2.021), (60, 2.000), (120, 1.980),
    ])
    func tableValues(df: Int, t: Double) {
        #expect(close(ScoreSummary.tCritical(degreesOfFreedom: df), t))
    }

    @Test("t values between the table's rows are exact too", arguments: [
        (35, 2.0301), (50, 2.0086), (90, 1.9867), (200, 1.9719), (1000, 1.9623), (100_000, 1.9600),
    ])
    func interpolated(df: Int, exact: Double) {
        #expect(close(ScoreSummary.tCritical(degreesOfFreedom: df), exact, 0.00005))
    }

    @Test("t critical values fall as the degrees of freedom grow and stay above 1.96")
    func monotone() {
        let values = (1...2000).map { ScoreSummary.tCritical(degreesOfFreedom: $0) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(values.allSatisfy { $0 > 1.96 })
    }

    @Test("41 scores use 40 degrees of freedom")
    func largeSample() {
        let scores = Array(repeating: 2, count: 20) + Array(repeating: 4, count: 21)
        let summary = ScoreSummary(scores)
        let sd = summary.standardDeviation!
        #expect(close(summary.halfWidth, 2.021075390306273 * sd / 41.0.squareRoot(), 1e-12))
    }
}

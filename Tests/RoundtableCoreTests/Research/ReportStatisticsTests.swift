import Foundation
import Testing
@testable import RoundtableCore

/// NPS intervals, top-2-box shares and small Wilcoxon cases worked out by hand.
@Suite("Report statistics by hand")
struct ReportStatisticsTests {
    @Test("NPS of 10 answers, 5 promoters and 2 detractors: +30 ± 1.96·√((0.7 − 0.09)/10)")
    func npsInterval() throws {
        let nps = try NetPromoterScore([10, 9, 9, 10, 9, 8, 7, 7, 3, 6])
        // p = 0.5, d = 0.2: variance (0.5 + 0.2 − 0.3²) / 10 = 0.061, sd 0.246982, half 48.4075 points.
        #expect(abs(try #require(nps.variance) - 0.061) < 1e-15)
        let interval = try #require(nps.interval)
        let half = 100 * 1.959963984540054 * 0.061.squareRoot()
        #expect(abs(half - 48.40754) < 1e-5)
        #expect(abs(interval.lowerBound - (30 - half)) < 1e-12)
        #expect(abs(interval.upperBound - (30 + half)) < 1e-12)
    }

    @Test("an NPS interval stays within −100…100, and there is none without answers")
    func npsClipped() throws {
        let allPromoters = try NetPromoterScore([10, 9, 10])
        #expect(allPromoters.interval == 100...100)
        let mostly = try NetPromoterScore([10, 10, 10, 10, 8])
        // p = 0.8, d = 0: variance (0.8 − 0.64) / 5 = 0.032, half 35.06 points: 80 + 35 is clipped.
        #expect(mostly.interval?.upperBound == 100)
        #expect(abs((mostly.interval?.lowerBound ?? 0) - (80 - 100 * 1.959963984540054 * 0.032.squareRoot())) < 1e-12)
        #expect(try NetPromoterScore([]).interval == nil)
    }

    @Test("top-2-box: 3 of [5, 4, 4, 2, 1] with Wilson [0.2307, 0.8824]")
    func topTwoBox() throws {
        let share = WilsonInterval.topTwoBox([5, 4, 4, 2, 1])
        #expect(share.count == 3 && share.n == 5 && share.share == 0.6)
        let interval = try #require(share.interval)
        #expect(abs(interval.lowerBound - 0.2307) < 1e-4)
        #expect(abs(interval.upperBound - 0.8824) < 1e-4)
        #expect(WilsonInterval.topTwoBox([]).interval == nil)
    }

    @Test("Wilcoxon by hand: differences 1, 2, −3, 4, 5 and two zeros give W = 3, exact p = 10/32")
    func wilcoxonSmall() throws {
        let test = WilcoxonSignedRank(differences: [1, 2, -3, 4, 5, 0, 0])
        #expect(test.n == 5 && test.zeros == 2)
        #expect(test.positiveRankSum == 12 && test.negativeRankSum == 3)
        #expect(test.statistic == 3)
        #expect(test.method == .exact)
        // Subsets of 1…5 summing to ≤ 3: {}, {1}, {2}, {3}, {1,2} — 5 of 32, doubled.
        #expect(test.pValue == 10.0 / 32)
    }

    @Test("Wilcoxon with ties uses the normal approximation; nothing left to test gives no p")
    func wilcoxonTies() {
        let tied = WilcoxonSignedRank(pairs: [(5, 4), (4, 3), (3, 4), (5, 3)])
        #expect(tied.ties && tied.method == .normal)
        #expect(tied.statistic == 2)
        let none = WilcoxonSignedRank(pairs: [(3, 3), (4, 4)])
        #expect(none.n == 0 && none.zeros == 2 && none.pValue == nil)
    }

    @Test("t distribution: cdf and quantile invert each other, and t(1) is the Cauchy")
    func studentT() {
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1) - tan(Double.pi * 0.475)) < 1e-9)
        for df in [1.0, 3, 12, 80] {
            for p in [0.01, 0.3, 0.8, 0.999] {
                #expect(abs(StudentT.cdf(StudentT.quantile(p, degreesOfFreedom: df), degreesOfFreedom: df) - p) < 1e-12)
            }
        }
    }
}

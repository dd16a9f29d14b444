import Foundation
import Testing
@testable import RoundtableCore

/// Expectation versus experience on −2…+2: missed, met or exceeded.
@Suite("ExpectationTally")
struct ExpectationTallyTests {
    @Test("every value lands in one bucket")
    func buckets() throws {
        let tally = try ExpectationTally([-2, -1, 0, 1, 2, 0, 2])
        #expect(tally.missed == 2)
        #expect(tally.met == 2)
        #expect(tally.exceeded == 3)
        #expect(tally.n == 7)
        #expect(tally.count(of: .exceeded) == 3)
        #expect(tally == ExpectationTally(missed: 2, met: 2, exceeded: 3))
    }

    @Test("an empty tally is all zeros")
    func empty() throws {
        let tally = try ExpectationTally([])
        #expect(tally == ExpectationTally(missed: 0, met: 0, exceeded: 0))
        #expect(tally.n == 0)
    }

    @Test("outcomes of single values", arguments: [
        (-2, ExpectationTally.Outcome.missed), (-1, .missed), (0, .met), (1, .exceeded), (2, .exceeded),
    ])
    func outcomes(value: Int, outcome: ExpectationTally.Outcome) {
        #expect(ExpectationTally.outcome(of: value) == outcome)
    }

    @Test("values outside −2…+2 are bad data", arguments: [[3], [0, -3], [10]])
    func rejects(values: [Int]) {
        let error = expectRoundtableError(.invalidData) { try ExpectationTally(values) }
        #expect(error?.message.contains("outside -2…+2") == true)
        #expect(ExpectationTally.outcome(of: values.last!) == nil)
    }

    @Test("counts per outcome agree with the named properties")
    func countOfOutcome() throws {
        let tally = try ExpectationTally([-1, -1, -2, 0, 1])
        #expect(ExpectationTally.Outcome.allCases.map { tally.count(of: $0) } == [3, 1, 1])
        #expect(ExpectationTally.Outcome.allCases.map { tally.count(of: $0) }.reduce(0, +) == tally.n)
    }

    @Test("the scale is −2…+2 and every value on it has an outcome")
    func scale() {
        #expect(ExpectationTally.scale == -2...2)
        #expect(ExpectationTally.scale.allSatisfy { ExpectationTally.outcome(of: $0) != nil })
    }
}

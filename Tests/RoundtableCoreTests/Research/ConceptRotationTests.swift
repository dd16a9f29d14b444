import Foundation
import Testing
@testable import RoundtableCore

/// Williams-design concept orders: balanced for position and for what came just before.
@Suite("ConceptRotation")
struct ConceptRotationTests {
    @Test("cycle lengths: k for even k, 2k for odd k, 1 for a single concept", arguments: [
        (0, 1), (1, 1), (2, 2), (3, 6), (4, 4), (5, 10), (6, 6), (7, 14),
    ])
    func cycleLengths(count: Int, length: Int) {
        #expect(ConceptRotation.cycleLength(count: count) == length)
    }

    @Test("one concept is always shown alone; none gives an empty order")
    func degenerate() {
        #expect(ConceptRotation.order(count: 1, session: 0) == [0])
        #expect(ConceptRotation.order(count: 1, session: 7) == [0])
        #expect(ConceptRotation.order(count: 0, session: 3) == [])
        #expect(ConceptRotation.cycle(count: 0) == [])
    }

    @Test("the square for four concepts")
    func fourConcepts() {
        #expect(ConceptRotation.cycle(count: 4) == [[0, 1, 3, 2], [1, 2, 0, 3], [2, 3, 1, 0], [3, 0, 2, 1]])
    }

    @Test("three concepts: the square, then its rows reversed")
    func threeConcepts() {
        #expect(ConceptRotation.cycle(count: 3) == [
            [0, 1, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0], [0, 2, 1], [1, 0, 2],
        ])
    }

    @Test("every row is a permutation of the concepts", arguments: 1...9)
    func permutations(count: Int) {
        for row in ConceptRotation.cycle(count: count) {
            #expect(row.sorted() == Array(0..<count))
        }
    }

    @Test("over a cycle every concept is in every position equally often", arguments: 2...9)
    func positionBalance(count: Int) {
        let rows = ConceptRotation.cycle(count: count)
        let expected = rows.count / count
        for position in 0..<count {
            var seen = [Int](repeating: 0, count: count)
            for row in rows { seen[row[position]] += 1 }
            #expect(seen == [Int](repeating: expected, count: count), "position \(position)")
        }
    }

    @Test("the first k sessions alone already balance positions", arguments: [3, 5, 7])
    func firstSquareIsLatin(count: Int) {
        let rows = (0..<count).map { ConceptRotation.order(count: count, session: $0) }
        for position in 0..<count {
            #expect(Set(rows.map { $0[position] }).count == count)
        }
    }

    @Test("each concept immediately follows every other equally often", arguments: 2...9)
    func carryOverBalance(count: Int) {
        var pairs: [[Int]: Int] = [:]
        for row in ConceptRotation.cycle(count: count) {
            for (before, after) in zip(row, row.dropFirst()) { pairs[[before, after], default: 0] += 1 }
        }
        let expected = count.isMultiple(of: 2) ? 1 : 2
        #expect(pairs.count == count * (count - 1))
        #expect(pairs.values.allSatisfy { $0 == expected }, "\(pairs)")
    }

    @Test("no concept is always first", arguments: 2...9)
    func firstPositionRotates(count: Int) {
        let firsts = Set(ConceptRotation.cycle(count: count).map { $0[0] })
        #expect(firsts == Set(0..<count))
    }

    @Test("sessions beyond a cycle start it again, also counting backwards", arguments: 2...7)
    func wrapsAround(count: Int) {
        let length = ConceptRotation.cycleLength(count: count)
        for session in 0..<length {
            let order = ConceptRotation.order(count: count, session: session)
            #expect(ConceptRotation.order(count: count, session: session + length) == order)
            #expect(ConceptRotation.order(count: count, session: session + 5 * length) == order)
            #expect(ConceptRotation.order(count: count, session: session - length) == order)
        }
    }
}

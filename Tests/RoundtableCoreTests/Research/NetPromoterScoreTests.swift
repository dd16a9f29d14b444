import Foundation
import Testing
@testable import RoundtableCore

/// Net Promoter Score: 100 × (promoters − detractors) / n on 0–10 answers.
@Suite("NetPromoterScore")
struct NetPromoterScoreTests {
    @Test("scores from the definition", arguments: [
        ([10], 100.0, 100), ([0], -100.0, -100), ([9, 10, 9, 10], 100.0, 100), ([10, 9, 8, 0], 25.0, 25),
        ([10, 6, 7], 0.0, 0), ([7, 8], 0.0, 0), ([6, 6, 10, 10, 10], 20.0, 20),
    ])
    func scores(answers: [Int], score: Double, rounded: Int) throws {
        let nps = try NetPromoterScore(answers)
        #expect(nps.score == score)
        #expect(nps.rounded == rounded)
        #expect(nps.n == answers.count)
    }

    @Test("a third: 33.33… rounds to 33, two thirds to 67")
    func thirds() throws {
        let third = try NetPromoterScore([10, 8, 8])
        #expect(abs(third.score! - 100.0 / 3) < 1e-12)
        #expect(third.rounded == 33)
        let twoThirds = try NetPromoterScore([10, 10, 7])
        #expect(twoThirds.rounded == 67)
        let minusThird = try NetPromoterScore([0, 8, 8])
        #expect(minusThird.rounded == -33)
    }

    @Test("halves round away from zero")
    func halves() throws {
        let up = try NetPromoterScore([10] + Array(repeating: 8, count: 7))
        #expect(up.score == 12.5)
        #expect(up.rounded == 13)
        let down = try NetPromoterScore([3] + Array(repeating: 8, count: 7))
        #expect(down.score == -12.5)
        #expect(down.rounded == -13)
    }

    @Test("no answers give no score")
    func empty() throws {
        let nps = try NetPromoterScore([])
        #expect(nps.n == 0)
        #expect(nps.score == nil)
        #expect(nps.rounded == nil)
    }

    @Test("answers are counted into the three groups at the 6/7 and 8/9 boundaries")
    func counts() throws {
        let nps = try NetPromoterScore(Array(0...10))
        #expect(nps.detractors == 7)
        #expect(nps.passives == 2)
        #expect(nps.promoters == 2)
        #expect(nps.n == 11)
        #expect(NetPromoterScore.category(of: 6) == .detractor)
        #expect(NetPromoterScore.category(of: 7) == .passive)
        #expect(NetPromoterScore.category(of: 8) == .passive)
        #expect(NetPromoterScore.category(of: 9) == .promoter)
        #expect(NetPromoterScore.category(of: 0) == .detractor)
        #expect(NetPromoterScore.category(of: 11) == nil)
        #expect(NetPromoterScore.category(of: -1) == nil)
    }

    @Test("answers outside 0…10 are bad data", arguments: [[11], [5, -1], [100, 5]])
    func rejectsOutOfScale(answers: [Int]) {
        let error = expectRoundtableError(.invalidData) { try NetPromoterScore(answers) }
        #expect(error?.exitCode == 65)
        #expect(error?.message.contains("outside 0–10") == true)
    }

    @Test("counts from an aggregate give the same score as the answers")
    func fromCounts() throws {
        #expect(NetPromoterScore(promoters: 2, passives: 1, detractors: 1) == (try NetPromoterScore([10, 9, 8, 0])))
    }
}

import Foundation
import Testing
@testable import RoundtableStore

@Suite("Handoff: items cross from the producing thread in order; either side's error stops both")
struct HandoffTests {
    struct Refused: Error, Equatable { var at: Int }

    @Test func everyItemArrivesInOrderAndTheProducersResultComesBack() throws {
        var taken: [Int] = []
        let result = try Handoff<Int>.run(batchSize: 7, queuedBatches: 2, produce: { put in
            for i in 0..<10_000 { try put(i) }
            return "done"
        }, consume: { take in
            while let item = try take() { taken.append(item) }
        })
        #expect(result == "done")
        #expect(taken == Array(0..<10_000))
    }

    @Test func aProducersErrorReachesTheConsumerAfterWhatCameBefore() throws {
        var taken = 0
        #expect(throws: Refused(at: 500)) {
            try Handoff<Int>.run(batchSize: 16, produce: { put in
                for i in 0..<1000 {
                    if i == 500 { throw Refused(at: i) }
                    try put(i)
                }
            }, consume: { take in
                while try take() != nil { taken += 1 }
            })
        }
        #expect(taken <= 500)
    }

    @Test func aConsumersErrorStopsTheProducerWhichWouldOtherwiseWaitForever() throws {
        #expect(throws: Refused(at: 3)) {
            try Handoff<Int>.run(batchSize: 4, queuedBatches: 1, produce: { put in
                for i in 0..<Int.max { try put(i) }
            }, consume: { take in
                while let item = try take() {
                    if item == 3 { throw Refused(at: item) }
                }
            })
        }
    }
}

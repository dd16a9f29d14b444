import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("Restore pipe: the parse on its own thread, records written in order, either side's error stops both")
struct RestorePipeTests {
    /// Notes what it is given; throws at the `failAt`th utterance.
    final class Recorder: WorkspaceSink {
        var seen: [String] = []
        var failAt: Int?
        struct Refused: Error {}

        func begin(_ section: WorkspaceSection) throws { seen.append("begin \(section)") }
        func end(_ section: WorkspaceSection) throws { seen.append("end \(section)") }
        func locate(line: Int) { seen.append("line \(line)") }
        func utterance(_ utterance: Utterance) throws {
            if let failAt, utterance.sequence == failAt { throw Refused() }
            seen.append("u \(utterance.sequence)")
        }
        func moderator(_ moderator: Moderator) throws {}
        func panel(_ panel: Panel) throws {}
        func importBatch(_ batch: ImportBatch) throws {}
        func participant(_ record: ParticipantRecord) throws {}
        func session(_ record: SessionRecord) throws {}
        func concept(_ concept: Concept) throws {}
        func presentation(_ record: PresentationRecord) throws {}
        func reaction(_ record: ReactionRecord) throws {}
        func note(_ note: Note) throws {}
        func commentCard(_ record: CommentCardRecord) throws {}
        func surveyResponse(_ response: SurveyResponse) throws {}
        func code(_ code: Code) throws {}
        func codingBatch(_ batch: CodingBatch) throws {}
        func coding(_ coding: Coding) throws {}
        func refiIdentity(_ identity: REFIIdentity) throws {}
        func auditEntry(_ entry: AuditEntry) throws {}
    }

    static func feed(_ count: Int, produced: Counter) -> (any WorkspaceSink) throws -> Void {
        { sink in
            try sink.begin(.utterances)
            for i in 1...count {
                sink.locate(line: i + 1)
                try sink.utterance(Utterance(id: Int64(i), sessionId: 1, sequence: i, speakerLabel: "x", text: "t"))
                produced.add()
            }
            try sink.end(.utterances)
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    @Test func everyRecordArrivesInFileOrderWithItsLine() throws {
        let recorder = Recorder()
        try RestorePipe.run(Self.feed(3000, produced: Counter()), into: recorder)
        let expected = ["begin utterances"] + (1...3000).flatMap { ["line \($0 + 1)", "u \($0)"] } + ["end utterances"]
        #expect(recorder.seen == expected)
    }

    @Test func aWritingErrorStopsTheParse() throws {
        let recorder = Recorder()
        recorder.failAt = 10
        let produced = Counter()
        #expect(throws: Recorder.Refused.self) { try RestorePipe.run(Self.feed(1_000_000, produced: produced), into: recorder) }
        #expect(produced.count < 10_000, "the parse went on after the writer stopped")
    }

    @Test func aParseErrorReachesTheCaller() throws {
        struct Broken: Error {}
        let recorder = Recorder()
        #expect(throws: Broken.self) {
            try RestorePipe.run({ sink in
                try Self.feed(1000, produced: Counter())(sink)
                throw Broken()
            }, into: recorder)
        }
    }
}

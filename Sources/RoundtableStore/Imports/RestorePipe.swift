import Foundation
import RoundtableCore

/// Runs a restore on two threads: the backup is parsed and validated on a thread of its own while
/// the records it yields are written on the caller's (the transaction's) thread, in file order.
/// A bounded queue (4 batches of 256 records) keeps memory flat. The first error on either side
/// stops both; the parsing thread is always finished before `run` returns.
final class RestorePipe: WorkspaceSink, @unchecked Sendable {
    typealias Step = (any WorkspaceSink) throws -> Void

    private static let batchSize = 256
    private static let queuedBatches = 4

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var batches: [[Step]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    /// Filled by the parsing thread only.
    private var current: [Step] = []

    private struct Stopped: Error {}

    /// Sends the parse `feed` gives it to `sink`: `feed` runs on a new thread, `sink` on this one.
    static func run(_ feed: (any WorkspaceSink) throws -> Void, into sink: any WorkspaceSink) throws {
        try withoutActuallyEscaping(feed) { feed in
            let pipe = RestorePipe()
            let done = DispatchSemaphore(value: 0)
            let parse = FeedBox(feed)
            let thread = Thread {
                parse.run(into: pipe)
                done.signal()
            }
            // libxml2 and the record readers recurse a little; the default secondary stack is small.
            thread.stackSize = 8 << 20
            thread.start()
            defer {
                pipe.cancel()
                done.wait()
            }
            while let batch = try pipe.take() {
                for step in batch { try step(sink) }
            }
        }
    }

    // MARK: the writing side

    private func take() throws -> [Step]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && failure == nil { condition.wait() }
        if let failure, !(failure is Stopped) { throw failure }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: the parsing side

    fileprivate func finish() throws { try flush(last: true) }

    fileprivate func fail(_ error: any Error) {
        condition.lock()
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    private func flush(last: Bool = false) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.queuedBatches && !cancelled { condition.wait() }
        if cancelled { throw Stopped() }
        if !current.isEmpty { batches.append(current) }
        current = []
        current.reserveCapacity(Self.batchSize)
        if last { finished = true }
        condition.broadcast()
    }

    private func put(_ step: @escaping Step) throws {
        current.append(step)
        if current.count >= Self.batchSize { try flush() }
    }

    func begin(_ section: WorkspaceSection) throws { try put { try $0.begin(section) } }
    func end(_ section: WorkspaceSection) throws { try put { try $0.end(section) } }
    func moderator(_ moderator: Moderator) throws { try put { try $0.moderator(moderator) } }
    func panel(_ panel: Panel) throws { try put { try $0.panel(panel) } }
    func importBatch(_ batch: ImportBatch) throws { try put { try $0.importBatch(batch) } }
    func participant(_ record: ParticipantRecord) throws { try put { try $0.participant(record) } }
    func session(_ record: SessionRecord) throws { try put { try $0.session(record) } }
    func concept(_ concept: Concept) throws { try put { try $0.concept(concept) } }
    func presentation(_ record: PresentationRecord) throws { try put { try $0.presentation(record) } }
    func reaction(_ record: ReactionRecord) throws { try put { try $0.reaction(record) } }
    func utterance(_ utterance: Utterance) throws { try put { try $0.utterance(utterance) } }
    func note(_ note: Note) throws { try put { try $0.note(note) } }
    func commentCard(_ record: CommentCardRecord) throws { try put { try $0.commentCard(record) } }
    func surveyResponse(_ response: SurveyResponse) throws { try put { try $0.surveyResponse(response) } }
    func code(_ code: Code) throws { try put { try $0.code(code) } }
    func codingBatch(_ batch: CodingBatch) throws { try put { try $0.codingBatch(batch) } }
    func coding(_ coding: Coding) throws { try put { try $0.coding(coding) } }
    func refiIdentity(_ identity: REFIIdentity) throws { try put { try $0.refiIdentity(identity) } }
    func auditEntry(_ entry: AuditEntry) throws { try put { try $0.auditEntry(entry) } }
    // Queued, not run: the line belongs to the record that follows it in the queue.
    func locate(line: Int) { current.append { $0.locate(line: line) } }
}

/// The caller's feed, handed to the parsing thread. `run` lets go of it before the thread signals
/// that it is done, and `RestorePipe.run` waits for that signal, so the closure never outlives
/// the call (`withoutActuallyEscaping` checks).
private final class FeedBox: @unchecked Sendable {
    private var feed: ((any WorkspaceSink) throws -> Void)?

    init(_ feed: @escaping (any WorkspaceSink) throws -> Void) { self.feed = feed }

    func run(into pipe: RestorePipe) {
        guard let feed else { return }
        self.feed = nil
        do {
            try feed(pipe)
            try pipe.finish()
        } catch {
            pipe.fail(error)
        }
    }
}

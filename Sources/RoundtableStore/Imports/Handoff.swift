import Foundation

/// Runs an import on two threads: `produce` (reading and preparing) on a thread of its own, and
/// `consume` (the writes) on the caller's, which holds the transaction. Items cross in order, in
/// batches, through a bounded queue, so memory stays flat. The first error on either side stops
/// both; the producing thread is always finished before `run` returns.
final class Handoff<Item>: @unchecked Sendable {
    private let batchSize: Int
    private let queuedBatches: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var batches: [[Item]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    /// Used by the producing thread only.
    private var filling: [Item] = []
    /// Used by the consuming thread only.
    private var draining: [Item] = []
    private var drained = 0

    private struct Stopped: Error {}

    private init(batchSize: Int, queuedBatches: Int) {
        self.batchSize = batchSize
        self.queuedBatches = queuedBatches
    }

    /// Hands what `produce` puts to `consume`, which takes each item in turn (nil once `produce`
    /// has returned and every item is taken); returns what `produce` returned.
    static func run<Result>(batchSize: Int = 256, queuedBatches: Int = 4,
                            produce: (_ put: @escaping (Item) throws -> Void) throws -> Result,
                            consume: (_ take: () throws -> Item?) throws -> Void) throws -> Result {
        try withoutActuallyEscaping(produce) { produce in
            let handoff = Handoff(batchSize: batchSize, queuedBatches: queuedBatches)
            let job = ProducerJob<Item, Result>(produce)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                job.run(into: handoff)
                done.signal()
            }
            // libxml2 and the readers recurse a little; a secondary thread's default stack is small.
            thread.stackSize = 8 << 20
            thread.start()
            do {
                try consume(handoff.take)
                // Whatever the consumer left untaken is dropped; the producer may be waiting to put more.
                handoff.cancel()
                done.wait()
            } catch {
                handoff.cancel()
                done.wait()
                throw error
            }
            return try job.result()
        }
    }

    // MARK: the consuming side

    private func take() throws -> Item? {
        if drained < draining.count {
            defer { drained += 1 }
            return draining[drained]
        }
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && failure == nil { condition.wait() }
        if let failure { throw failure }
        guard !batches.isEmpty else { return nil }
        draining = batches.removeFirst()
        drained = 1
        condition.broadcast()
        return draining[0]
    }

    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: the producing side

    fileprivate func put(_ item: Item) throws {
        filling.append(item)
        if filling.count >= batchSize { try flush(last: false) }
    }

    fileprivate func flush(last: Bool) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= queuedBatches && !cancelled { condition.wait() }
        if cancelled { throw Stopped() }
        if !filling.isEmpty { batches.append(filling) }
        filling = []
        filling.reserveCapacity(batchSize)
        if last { finished = true }
        condition.broadcast()
    }

    fileprivate func fail(_ error: any Error) {
        condition.lock()
        // A producer stopped because the consumer gave up has nothing to report.
        if !(error is Stopped) { failure = error }
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}

/// The producer, handed to its thread. `run` lets go of the closure before the thread signals that
/// it is done, and `Handoff.run` waits for that signal, so the closure never outlives the call.
private final class ProducerJob<Item, Result>: @unchecked Sendable {
    private var produce: ((_ put: @escaping (Item) throws -> Void) throws -> Result)?
    private var outcome: Swift.Result<Result, any Error>?

    init(_ produce: @escaping (_ put: @escaping (Item) throws -> Void) throws -> Result) { self.produce = produce }

    func run(into handoff: Handoff<Item>) {
        guard let produce else { return }
        self.produce = nil
        do {
            let value = try produce(handoff.put)
            try handoff.flush(last: true)
            outcome = .success(value)
        } catch {
            outcome = .failure(error)
            handoff.fail(error)
        }
    }

    /// What `produce` returned or threw; read only after the thread is done.
    func result() throws -> Result {
        guard let outcome else { throw CancellationError() }
        return try outcome.get()
    }
}

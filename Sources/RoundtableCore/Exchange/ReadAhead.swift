import Foundation

/// Runs a producer on its own thread and hands what it produces to the calling thread in batches,
/// so reading one side overlaps with writing the other (two cores, up to half the wall time).
/// At most `depth` batches wait at once, so memory stays flat however large the input.
public final class ReadAhead<Item: Sendable>: @unchecked Sendable {
    // Internal and inlinable so each caller's item type is specialized: unspecialized generic
    // copies of a million rows cost a retain and a release per field through witness tables.
    @usableFromInline let condition = NSCondition()
    @usableFromInline var batches: [[Item]] = []
    /// Batches the consumer is done with, released by the producer: memory goes back to the
    /// thread that allocated it, where freeing is cheap, instead of crossing threads row by row.
    @usableFromInline var spent: [[Item]] = []
    @usableFromInline var finished = false
    @usableFromInline var failure: (any Error)?
    @usableFromInline var cancelled = false
    @usableFromInline let depth: Int
    @usableFromInline let batchSize: Int

    /// Creates a pipeline holding at most `depth` batches of `batchSize` items.
    public init(depth: Int = 4, batchSize: Int = 256) {
        self.depth = depth
        self.batchSize = batchSize
    }

    /// Runs `produce` on a background thread; it calls its argument once per item. `consume` runs
    /// on this thread, in order. The first error on either side stops both and is thrown here.
    @inlinable
    public func run(produce: @escaping @Sendable (_ emit: (consuming Item) throws -> Void) throws -> Void,
             consume: (Item) throws -> Void) throws {
        let thread = Thread { [self] in
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            do {
                try produce { (item: consuming Item) in
                    batch.append(item)
                    if batch.count == batchSize {
                        try push(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                try push(batch)
                finish(nil)
            } catch {
                finish(error)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while var batch = try pop() {
                for item in batch { try consume(item) }
                recycle(&batch)
            }
        } catch {
            cancel()
            throw error
        }
    }

    @usableFromInline
    struct Cancelled: Error {
        @usableFromInline init() {}
    }

    @usableFromInline
    func push(_ batch: [Item]) throws {
        condition.lock()
        while batches.count >= depth && !cancelled { condition.wait() }
        if cancelled {
            condition.unlock()
            throw Cancelled()
        }
        batches.append(batch)
        var done: [[Item]] = []
        swap(&done, &spent)
        condition.broadcast()
        condition.unlock()
        done.removeAll()
    }

    @usableFromInline
    func recycle(_ batch: inout [Item]) {
        var handed: [Item] = []
        swap(&handed, &batch)
        condition.lock()
        spent.append(handed)
        condition.unlock()
    }

    @usableFromInline
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        if !(error is Cancelled) { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, nil when the producer is done; rethrows the producer's error in order.
    @usableFromInline
    func pop() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer and waits for it to let go of its input.
    @usableFromInline
    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}

/// A new partner's ids on their way into `externalReference`, written in sorted runs.
///
/// Partners' ids come in no particular order, and written as they come each lands on a random
/// page of the (partner, id) B-tree, which outgrows the page cache at a few hundred thousand
/// people: nearly every row then reads a page and later rewrites it. A sorted run walks the tree
/// once, front to back. While one run collects, the one before is written at the same pace, so
/// the writing thread never stops for a whole run and the parsing thread never waits on it.
/// Memory is two runs, however long the file.
struct ReferenceRuns {
    /// A person's partner id and the row it came from.
    struct Reference {
        var externalId: String
        var participantId: Int64
        var line: Int
    }

    let length: Int
    private var collecting: [Reference] = []
    private var writing: [Reference] = []
    private var position = 0

    /// Runs of `length` references.
    init(length: Int) {
        self.length = length
    }

    /// Adds a reference to the run being collected.
    mutating func add(_ reference: Reference) {
        collecting.append(reference)
    }

    /// Hands `write` up to `count` references of the run before, in key order, and starts writing
    /// the collected run once it is full.
    mutating func write(upTo count: Int, _ write: (ArraySlice<Reference>) throws -> Void) rethrows {
        try writeSorted(upTo: position + count, write)
        if collecting.count >= length { try startNextRun(write) }
    }

    /// Hands `write` everything still waiting.
    mutating func drain(_ write: (ArraySlice<Reference>) throws -> Void) rethrows {
        try startNextRun(write)
        try writeSorted(upTo: writing.count, write)
        writing.removeAll(keepingCapacity: true)
        position = 0
    }

    private mutating func startNextRun(_ write: (ArraySlice<Reference>) throws -> Void) rethrows {
        try writeSorted(upTo: writing.count, write)
        swap(&writing, &collecting)
        collecting.removeAll(keepingCapacity: true)
        position = 0
        // An id is taken by its earlier row: equal ids stay in file order, the order of their people's ids.
        writing.sort { $0.externalId != $1.externalId ? $0.externalId < $1.externalId : $0.participantId < $1.participantId }
    }

    private mutating func writeSorted(upTo end: Int, _ write: (ArraySlice<Reference>) throws -> Void) rethrows {
        let end = min(end, writing.count)
        guard position < end else { return }
        try write(writing[position..<end])
        position = end
    }
}

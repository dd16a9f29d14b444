import GRDB

/// A cursor of rows ordered by an owner id, decoded as it is read and held one row ahead, so
/// child rows can be merged with their parents in one pass instead of one query per parent.
struct RowMerge<Value> {
    private let read: () throws -> (owner: Int64, value: Value)?
    private var pending: (owner: Int64, value: Value)?

    /// Merges what `read` gives, which must come ordered by owner; nil ends it.
    init(read: @escaping () throws -> (owner: Int64, value: Value)?) throws {
        self.read = read
        pending = try read()
    }

    /// Wraps `cursor`, whose rows must be ordered by their first column, the owner's id.
    init(_ cursor: RowCursor, decode: @escaping (Row) throws -> Value) throws {
        try self.init {
            guard let row = try cursor.next() else { return nil }
            return (row[0], try decode(row))
        }
    }

    /// Wraps `rows`, ordered by their first column, the owner's id.
    init(_ rows: RawRows, decode: @escaping (RawRows) -> Value) throws {
        try self.init { try rows.next() ? (rows.int64(0), decode(rows)) : nil }
    }

    /// The values owned by `id`, skipping rows of owners that were never asked for.
    mutating func values(for id: Int64) throws -> [Value] {
        var values: [Value] = []
        while let (owner, value) = pending, owner <= id {
            if owner == id { values.append(value) }
            pending = try read()
        }
        return values
    }
}

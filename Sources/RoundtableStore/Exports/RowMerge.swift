import GRDB

/// A cursor of rows ordered by an owner id in column 0, decoded as it is read and held one row
/// ahead, so child rows can be merged with their parents in one pass instead of one query per parent.
struct RowMerge<Value> {
    private let cursor: RowCursor
    private let decode: (Row) throws -> Value
    private var pending: (owner: Int64, value: Value)?

    /// Wraps `cursor`, whose rows must be ordered by their first column.
    init(_ cursor: RowCursor, decode: @escaping (Row) throws -> Value) throws {
        self.cursor = cursor
        self.decode = decode
        pending = try readNext()
    }

    /// The values owned by `id`, skipping rows of owners that were never asked for.
    mutating func values(for id: Int64) throws -> [Value] {
        var values: [Value] = []
        while let (owner, value) = pending, owner <= id {
            if owner == id { values.append(value) }
            pending = try readNext()
        }
        return values
    }

    private func readNext() throws -> (owner: Int64, value: Value)? {
        guard let row = try cursor.next() else { return nil }
        return (row[0], try decode(row))
    }
}

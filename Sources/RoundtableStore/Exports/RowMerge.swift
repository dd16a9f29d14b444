import GRDB

/// A cursor of rows ordered by an id column, read ahead by one row, so child rows can be merged
/// with their parents in one pass instead of one query per parent.
struct RowMerge {
    private let cursor: RowCursor
    private let column: String
    private var pending: Row?

    /// Wraps `cursor`, whose rows must be ordered by `column`.
    init(_ cursor: RowCursor, orderedBy column: String) throws {
        self.cursor = cursor
        self.column = column
        pending = try cursor.next().map { $0.copy() }
    }

    /// The rows whose `column` equals `id`, skipping rows for ids that were never asked for.
    mutating func rows(for id: Int64) throws -> [Row] {
        var rows: [Row] = []
        while let row = pending {
            let owner: Int64 = row[column]
            if owner > id { break }
            if owner == id { rows.append(row) }
            pending = try cursor.next().map { $0.copy() }
        }
        return rows
    }
}

import GRDB

/// An INSERT of many rows in one statement. SQLite's per-statement work (for a table with
/// AUTOINCREMENT, reading and writing `sqlite_sequence` through a scratch table) then happens
/// once for up to `maxRows` rows. Rows go in chunks of powers of two, so at most a handful of
/// statements are ever prepared, whatever the row counts.
final class MultiRowInsert {
    private let db: Database
    private let prefix: String
    private let placeholders: String
    private let maxRows: Int
    private var statements: [Int: BulkStatement] = [:]

    /// Prepares inserts into `table`'s `columns`, up to `maxRows` (a power of two) rows a statement;
    /// `ignoringConflicts` skips a row that would break a unique key instead of failing.
    init(_ db: Database, into table: String, columns: [String], maxRows: Int = 64, ignoringConflicts: Bool = false) {
        precondition(maxRows > 0 && maxRows & (maxRows - 1) == 0, "maxRows must be a power of two")
        self.db = db
        self.maxRows = maxRows
        // OR FAIL: a failing row ends the import's whole transaction anyway, so SQLite need not keep
        // a statement journal to undo a statement's earlier rows.
        prefix = "INSERT OR \(ignoringConflicts ? "IGNORE" : "FAIL") INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    }

    /// Inserts `rows`; `bind` binds one row's values, in column order, to the statement given.
    /// `inserted` is called after each statement with the number of rows it wrote.
    func insert<Row>(_ rows: some Collection<Row>, bind: (BulkStatement, Row) -> Void,
                     inserted: (Int) throws -> Void = { _ in }) throws {
        var remaining = rows[...]
        while !remaining.isEmpty {
            var size = maxRows
            while size > remaining.count { size /= 2 }
            let statement = try self.statement(rows: size)
            for row in remaining.prefix(size) { bind(statement, row) }
            try statement.run()
            try inserted(size)
            remaining = remaining.dropFirst(size)
        }
    }

    private func statement(rows: Int) throws -> BulkStatement {
        if let prepared = statements[rows] { return prepared }
        let sql = prefix + Array(repeating: placeholders, count: rows).joined(separator: ", ")
        let prepared = try BulkStatement(db, sql)
        statements[rows] = prepared
        return prepared
    }
}

import GRDB

/// An INSERT of several rows in one statement, prepared once for each row count it meets: a
/// person's attributes or consents go in with one step instead of one each.
final class MultiRowInsert {
    private let db: Database
    private let prefix: String
    private let placeholders: String
    private var statements: [BulkStatement?] = []

    /// Prepares inserts into `table`'s `columns`, up to `maxRows` rows a statement.
    init(_ db: Database, into table: String, columns: [String], maxRows: Int = 8) {
        self.db = db
        prefix = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        statements = Array(repeating: nil, count: maxRows + 1)
    }

    /// Inserts `rows`; `bind` binds one row's values, in column order, to the statement given.
    func insert<Row>(_ rows: some Collection<Row>, bind: (BulkStatement, Row) -> Void) throws {
        var remaining = rows[...]
        while !remaining.isEmpty {
            let chunk = remaining.prefix(statements.count - 1)
            remaining = remaining.dropFirst(chunk.count)
            let statement = try self.statement(rows: chunk.count)
            for row in chunk { bind(statement, row) }
            try statement.run()
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

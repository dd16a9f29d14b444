import Foundation
import GRDB
import GRDBSQLite

/// A statement ending in an IN list of a fixed number of placeholders, run over any number of
/// values a list at a time (a short last list is padded with NULL, which matches nothing) and
/// read through SQLite's C API. Its leading placeholders take `fixed`.
final class RawQuery {
    enum Value {
        case text(String)
        case integer(Int64)
    }

    /// One result row, valid inside the callback only.
    struct Row {
        fileprivate let handle: OpaquePointer

        func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

        func text(_ column: Int32) -> String {
            guard let bytes = sqlite3_column_text(handle, column) else { return "" }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))),
                          as: UTF8.self)
        }

        func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
    }

    /// Values for the placeholders before the list.
    var fixed: [Value] = []
    private let statement: Statement
    private let handle: OpaquePointer
    private let listLength: Int

    /// Prepares `sql`; its last `RosterKnownPeople.capacity` placeholders are the list.
    init(_ db: Database, _ sql: String, listLength: Int = RosterKnownPeople.capacity) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        self.listLength = listLength
    }

    /// Runs the statement for `values`, `listLength` at a time, handing `row` each result row.
    func run(_ values: [Value], _ row: (Row) throws -> Void) throws {
        guard !values.isEmpty else { return }
        var start = 0
        repeat {
            let end = min(start + listLength, values.count)
            defer {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
            }
            for (index, value) in fixed.enumerated() { bind(value, at: index + 1) }
            for index in start..<end { bind(values[index], at: fixed.count + index - start + 1) }
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                        message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
                }
                try row(Row(handle: handle))
            }
            start = end
        } while start < values.count
    }

    private func bind(_ value: Value, at position: Int) {
        switch value {
        case .integer(let number):
            sqlite3_bind_int64(handle, Int32(position), number)
        case .text(let text):
            // SQLITE_TRANSIENT: SQLite copies the bytes, which need not outlive this call.
            sqlite3_bind_text(handle, Int32(position), text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }
}

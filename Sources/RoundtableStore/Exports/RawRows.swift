import Foundation
import GRDB
import GRDBSQLite
import RoundtableCore

/// A query stepped through SQLite's C API, its columns read in place: an export reads millions of
/// values, and GRDB's `Row` finds each string's length with `strlen` and copies it twice.
final class RawRows {
    private let statement: Statement
    private let handle: OpaquePointer

    /// Prepares `sql` on `db`; the rows are read with `next()`.
    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    deinit {
        sqlite3_reset(handle)
    }

    /// Moves to the next row; false after the last.
    func next() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func bool(_ column: Int32) -> Bool { sqlite3_column_int64(handle, column) != 0 }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    /// A date as GRDB stores it (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), read without a formatter;
    /// any other form goes through GRDB.
    func date(_ column: Int32) -> Date {
        if let bytes = sqlite3_column_text(handle, column),
           let date = StoredDate.date(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))) {
            return date
        }
        return Date.fromDatabaseValue(DatabaseValue(sqliteStatement: handle, index: column)) ?? Date(timeIntervalSince1970: 0)
    }

    func optionalDate(_ column: Int32) -> Date? { isNull(column) ? nil : date(column) }
}

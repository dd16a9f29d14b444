import Foundation
import GRDB
import GRDBSQLite

/// An INSERT prepared once per import, bound and stepped through SQLite's C API: GRDB's argument
/// arrays and its SQL-keyed statement cache cost a third of a bulk import's writing thread, and
/// these statements run millions of times.
final class BulkStatement {
    private enum Value {
        case text(String)
        case integer(Int64)
        case null
    }

    private let statement: Statement
    private let handle: OpaquePointer
    private let db: Database
    @exclusivity(unchecked) private var values: [Value] = []

    /// Prepares `sql` on `db`; the statement lives as long as this object.
    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        values.reserveCapacity(Int(sqlite3_bind_parameter_count(handle)))
    }

    /// Binds the next parameter.
    func bind(_ text: String?) {
        values.append(text.map(Value.text) ?? .null)
    }

    /// Binds the next parameter.
    func bind(_ number: Int64) {
        values.append(.integer(number))
    }

    /// Binds the next parameter (NULL for nil).
    func bind(_ number: Int64?) {
        values.append(number.map(Value.integer) ?? .null)
    }

    /// Binds the next parameter.
    func bind(_ flag: Bool) {
        bind(Int64(flag ? 1 : 0))
    }

    /// Runs the statement with what was bound, then resets it for the next row.
    func run() throws {
        let code = bindAndStep(from: 0)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        values.removeAll(keepingCapacity: true)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Binds text in place (SQLITE_STATIC) while its bytes are pinned by `withCString`, so SQLite
    /// does not copy every string it is given; the step runs inside the innermost pin.
    private func bindAndStep(from index: Int) -> Int32 {
        guard index < values.count else { return sqlite3_step(handle) }
        let position = Int32(index + 1)
        switch values[index] {
        case .text(let text):
            return text.withCString { pointer in
                sqlite3_bind_text(handle, position, pointer, Int32(text.utf8.count), nil)
                return bindAndStep(from: index + 1)
            }
        case .integer(let number):
            sqlite3_bind_int64(handle, position, number)
        case .null:
            sqlite3_bind_null(handle, position)
        }
        return bindAndStep(from: index + 1)
    }
}

import Foundation
import GRDB
import GRDBSQLite

/// An INSERT prepared once per import, bound and stepped through SQLite's C API: GRDB's argument
/// arrays and its SQL-keyed statement cache cost a third of a bulk import's writing thread, and
/// these statements run millions of times.
final class BulkStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let db: Database
    private var index: Int32 = 0

    /// Prepares `sql` on `db`; the statement lives as long as this object.
    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    /// Binds the next parameter.
    func bind(_ text: String?) {
        index += 1
        guard let text else {
            sqlite3_bind_null(handle, index)
            return
        }
        _ = text.withCString { sqlite3_bind_text(handle, index, $0, -1, Self.transient) }
    }

    /// Binds the next parameter.
    func bind(_ number: Int64) {
        index += 1
        sqlite3_bind_int64(handle, index, number)
    }

    /// Binds the next parameter.
    func bind(_ flag: Bool) {
        bind(Int64(flag ? 1 : 0))
    }

    /// Runs the statement with what was bound, then resets it for the next row.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        index = 0
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

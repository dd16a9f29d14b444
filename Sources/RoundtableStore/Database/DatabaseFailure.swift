import Foundation
import GRDB
import RoundtableCore

/// Turns SQLite's errors into typed errors with a plain message: no SQL text and no library dump
/// ever reaches a user.
enum DatabaseFailure {
    static let busy = RoundtableError(.busy, "the workspace is busy (another roundtable command is writing); try again")

    /// The typed error for `error`, raised while working on the workspace at `path`.
    static func error(for error: DatabaseError, path: String?) -> RoundtableError {
        let name = path.map { $0.isEmpty || $0 == ":memory:" ? "the workspace" : $0 } ?? "the workspace"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return busy
        case .SQLITE_CONSTRAINT:
            // Our own triggers and checks word these messages; they hold no SQL.
            return RoundtableError.rule("the workspace refused the change: \(error.message ?? "constraint failed")")
        case .SQLITE_NOTADB:
            return RoundtableError.rule("\(name): not a Roundtable workspace")
        case .SQLITE_CORRUPT:
            return RoundtableError.rule("\(name): the workspace file is damaged (restore it from a backup)")
        case .SQLITE_READONLY:
            return RoundtableError(.cannotCreateOutput, "\(name) is read-only: this command writes to the workspace")
        case .SQLITE_CANTOPEN:
            return RoundtableError(.inputMissing, "\(name): cannot open the workspace (is its folder readable and writable?)")
        case .SQLITE_PERM, .SQLITE_AUTH:
            return RoundtableError(.inputMissing, "\(name): permission denied")
        case .SQLITE_FULL:
            return RoundtableError(.cannotCreateOutput, "\(name): no space left on the disk")
        case .SQLITE_IOERR:
            return RoundtableError(.cannotCreateOutput, "\(name): the disk could not be read or written")
        case .SQLITE_TOOBIG:
            return RoundtableError.rule("a value is too large to store in the workspace")
        case .SQLITE_NOMEM:
            return RoundtableError(.unexpected, "out of memory while working on \(name)")
        default:
            return RoundtableError(.unexpected, "\(name): unexpected database failure (SQLite result code "
                                       + "\(error.resultCode.rawValue)); please report it")
        }
    }
}

internal import CProcessTuning
import Foundation
import GRDB
import GRDBSQLite
import RoundtableCore

/// The workspace: one SQLite database that owns every write, each write one named transaction.
public struct AppDatabase: Sendable {
    /// The GRDB writer behind the workspace.
    let writer: any DatabaseWriter
    /// Who is recorded in the audit log for writes.
    public let actor: String
    /// The current time, injectable so tests and demos are reproducible.
    public let clock: @Sendable () -> Date

    /// Wraps a GRDB writer and brings its schema up to date.
    public init(_ writer: any DatabaseWriter, actor: String = AppDatabase.defaultActor,
                clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.writer = writer
        self.actor = actor
        self.clock = clock
        try Self.mapErrors {
            // Checking first keeps read-only commands from taking the write lock on every run.
            let migrator = Schema.migrator
            if try !writer.read(migrator.hasCompletedMigrations) {
                try migrator.migrate(writer)
            }
        }
    }

    /// A fresh in-memory workspace, for tests.
    public static func inMemory(clock: @escaping @Sendable () -> Date = { Date() }) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()), actor: "test", clock: clock)
    }

    /// Opens (creating if needed, with mode 0600) the workspace file at `path`, in WAL mode.
    /// Writers wait up to `busyTimeout` seconds for another process's write before failing with exit 75.
    public static func open(path: String, busyTimeout: TimeInterval = 10,
                            clock: @escaping @Sendable () -> Date = { Date() }) throws -> AppDatabase {
        try WorkspaceFile.prepare(path)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
            return try AppDatabase(pool, clock: clock)
        } catch let error as RoundtableError {
            throw error
        } catch let error as DatabaseError where error.isBusy {
            throw busy
        } catch {
            throw RoundtableError(.cannotCreateOutput, "cannot open workspace \(path): \(error)")
        }
    }

    /// The user name recorded in the audit log.
    public static var defaultActor: String {
        ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "unknown"
    }

    static func configuration(busyTimeout: TimeInterval = 10) -> Configuration {
        _ = processTuned
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another moderator's write may hold the lock briefly; wait before giving up with exit 75.
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "roundtable"
        configuration.prepareDatabase { db in
            db.add(function: searchFold)
            // Takes effect only while a new workspace is still empty. Bulk imports outgrow the page
            // cache and spill pages to the WAL one syscall each; 8 KiB pages halve those.
            try db.execute(sql: "PRAGMA page_size = 8192")
        }
        return configuration
    }

    /// `roundtable_fold(text)`: the search form of a text (`UnicodeText.searchKey`), for the
    /// transcript index's triggers.
    static let searchFold = DatabaseFunction("roundtable_fold", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(UnicodeText.searchKey)
    }

    /// Process-wide SQLite and malloc settings, applied once before the first connection opens.
    /// Neither is needed for correctness, so a refusal is not an error.
    private static let processTuned: Void = {
        _ = roundtable_sqlite3_disable_memstatus()
        _ = roundtable_malloc_keep_freed_heap()
    }()

    /// Runs `body` as one IMMEDIATE transaction, so concurrent CLIs serialize before reading.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try write(keepingIf: { _ in true }, body)
    }

    /// Runs `body` as one IMMEDIATE transaction that is rolled back instead of committed when
    /// `keep` says so (dry runs, imports with rejected rows). `checkingForeignKeys: false` is for
    /// bulk loads whose rows only point at rows the same transaction inserted or looked up: SQLite
    /// then skips a parent lookup per child row.
    func write<T>(keepingIf keep: (T) -> Bool, checkingForeignKeys: Bool = true, _ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors {
            try writer.writeWithoutTransaction { db in
                // The pragma is a no-op inside a transaction, so it is set around it.
                if !checkingForeignKeys { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if !checkingForeignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    let value = try body(db)
                    result = value
                    return keep(value) ? .commit : .rollback
                }
                return result!
            }
        }
    }

    /// Runs `body` as a read.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors { try writer.read(body) }
    }

    /// Appends one line to the audit log inside the current transaction.
    func audit(_ db: Database, _ action: String, _ subject: String, _ detail: String = "") throws {
        var entry = AuditEntry(at: clock(), actor: actor, action: action, subject: subject, detail: detail)
        try entry.insert(db)
    }

    static let busy = RoundtableError(.busy, "the workspace is busy (another roundtable command is writing); try again")

    static func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.isBusy {
            throw busy
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw RoundtableError.rule("the workspace refused the change: \(error.message ?? "constraint failed")")
        }
    }
}

extension DatabaseError {
    var isBusy: Bool { resultCode == .SQLITE_BUSY || resultCode == .SQLITE_LOCKED }
}

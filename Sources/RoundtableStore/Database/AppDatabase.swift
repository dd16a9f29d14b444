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

    /// Wraps a GRDB writer and brings its schema up to date (a read-only writer must already be).
    public init(_ writer: any DatabaseWriter, actor: String = AppDatabase.defaultActor,
                clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.writer = writer
        self.actor = actor
        self.clock = clock
        try Self.mapErrors(path: writer.path) {
            // Checking first keeps read-only commands from taking the write lock on every run.
            let migrator = Schema.migrator
            if try !writer.read(migrator.hasCompletedMigrations) {
                try migrator.migrate(writer)
            }
            if !writer.configuration.readonly { try Schema.stamp(writer) }
        }
    }

    /// A fresh in-memory workspace, for tests.
    public static func inMemory(clock: @escaping @Sendable () -> Date = { Date() }) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()), actor: "test", clock: clock)
    }

    /// Opens the workspace file at `path` for a command that writes, creating it (mode 0600) if
    /// needed and `creating`, in WAL mode. A file that is not a Roundtable workspace, or comes from
    /// a newer Roundtable, is refused before anything is written. Writers wait up to `busyTimeout`
    /// seconds for another process's write before failing with exit 75.
    public static func open(path: String, creating: Bool = true, busyTimeout: TimeInterval = 10,
                            clock: @escaping @Sendable () -> Date = { Date() }) throws -> AppDatabase {
        let state = try WorkspaceIdentity.inspect(path)
        if !creating && (state == .missing || state == .empty) { throw noWorkspace(path) }
        if state == .missing { try WorkspaceFile.prepare(path) }
        if state == .older && access(path, W_OK) != 0 {
            throw RoundtableError(.cannotCreateOutput, "\(path) was written by an older Roundtable and must be upgraded "
                                  + "once by a command that writes, but it is read-only")
        }
        return try connect(path: path, configuration: configuration(busyTimeout: busyTimeout), clock: clock)
    }

    /// Opens the workspace at `path` for a command that only reads: never creates it (exit 66), and
    /// opens it read-only, so a read-only file serves; a workspace from an older Roundtable is
    /// brought up to date first, which needs write access once.
    public static func openForReading(path: String, busyTimeout: TimeInterval = 10,
                                      clock: @escaping @Sendable () -> Date = { Date() }) throws -> AppDatabase {
        switch try WorkspaceIdentity.inspect(path) {
        case .missing, .empty:
            throw noWorkspace(path)
        case .older:
            return try open(path: path, busyTimeout: busyTimeout, clock: clock)
        case .current:
            var configuration = configuration(busyTimeout: busyTimeout)
            configuration.readonly = true
            do {
                return try connect(path: path, location: WorkspaceFile.readableLocation(path),
                                   configuration: configuration, clock: clock)
            } catch let error as RoundtableError where error.kind == .cannotCreateOutput {
                // SQLite wanted to write beside the file (its shared-memory index or a log recovery).
                throw RoundtableError(.inputMissing, "\(path) cannot be read here: it was not closed cleanly and its "
                                      + "folder is read-only; open it once where it can be written")
            }
        }
    }

    /// Throws (exit 65) unless `path` is missing, empty, or a Roundtable workspace this program can
    /// open; reads only. For commands that replace a workspace file wholesale.
    public static func checkIdentity(path: String) throws {
        _ = try WorkspaceIdentity.inspect(path)
    }

    private static func noWorkspace(_ path: String) -> RoundtableError {
        RoundtableError(.inputMissing, "no workspace at \(path); any command that writes creates one")
    }

    private static func connect(path: String, location: String? = nil, configuration: Configuration,
                                clock: @escaping @Sendable () -> Date) throws -> AppDatabase {
        do {
            return try AppDatabase(DatabasePool(path: location ?? path, configuration: configuration), clock: clock)
        } catch let error as DatabaseError {
            throw DatabaseFailure.error(for: error, path: path)
        }
    }

    /// The user name recorded in the audit log.
    public static var defaultActor: String {
        ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "unknown"
    }

    static func configuration(busyTimeout: TimeInterval = 10) -> Configuration {
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

    /// Runs `body` as one IMMEDIATE transaction, so concurrent CLIs serialize before reading.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try write(keepingIf: { _ in true }, body)
    }

    /// Runs `body` as one IMMEDIATE transaction that is rolled back instead of committed when
    /// `keep` says so (dry runs, imports with rejected rows). `checkingForeignKeys: false` is for
    /// bulk loads whose rows only point at rows the same transaction inserted or looked up: SQLite
    /// then skips a parent lookup per child row.
    func write<T>(keepingIf keep: (T) -> Bool, checkingForeignKeys: Bool = true, _ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors(path: writer.path) {
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
                // inTransaction runs the body or throws, so the result is always set here.
                guard let result else { throw RoundtableError(.unexpected, "a workspace transaction ended without a result") }
                return result
            }
        }
    }

    /// Runs `body` as a read.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors(path: writer.path) { try writer.read(body) }
    }

    /// Appends one line to the audit log inside the current transaction.
    func audit(_ db: Database, _ action: String, _ subject: String, _ detail: String = "") throws {
        var entry = AuditEntry(at: clock(), actor: actor, action: action, subject: subject, detail: detail)
        try entry.insert(db)
    }

    /// Runs `body`, turning any SQLite error into a typed error with a plain message.
    static func mapErrors<T>(path: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw DatabaseFailure.error(for: error, path: path)
        }
    }
}

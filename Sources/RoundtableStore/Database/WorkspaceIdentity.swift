import Foundation
import GRDB
import RoundtableCore

/// What is at a workspace path, found out without writing a byte to it: SQLite's file header, then
/// a read-only look at the application id, the schema version and the applied migrations.
enum WorkspaceIdentity {
    /// `PRAGMA application_id` of a Roundtable workspace ("RTBL"), stamped on every workspace a
    /// write opens; older workspaces are recognised by their migrations instead.
    static let applicationID: Int32 = 0x5254_424C

    /// What an inspection found.
    enum State: Equatable {
        /// No file: a write creates the workspace; a read has nothing to read.
        case missing
        /// A file without any table (a zero-byte file, or an SQLite database never written to).
        case empty
        /// A workspace with every migration this program knows.
        case current
        /// A workspace from an older Roundtable: a write brings its schema up to date.
        case older
    }

    /// Inspects `path`; throws (exit 65) for a file that is not a Roundtable workspace or was written
    /// by a newer Roundtable, and (exit 66) for one that cannot be read.
    static func inspect(_ path: String) throws -> State {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return .missing }
            throw SystemError.inputError(path, errno)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw RoundtableError(.inputMissing, "\(path): not a Roundtable workspace (it is not a regular file)")
        }
        if info.st_size == 0 { return .empty }
        guard try hasSQLiteHeader(path) else { throw notWorkspace(path) }
        let facts = try probe(path)
        return try decide(path, facts)
    }

    /// What the read-only look found.
    struct Facts {
        var applicationID: Int32
        var userVersion: Int
        var tableCount: Int
        var applied: [String]
    }

    static func decide(_ path: String, _ facts: Facts) throws -> State {
        if facts.tableCount == 0 && facts.applicationID == 0 { return .empty }
        let known = Schema.migrator.migrations
        let ours = facts.applicationID == applicationID
            || (facts.applicationID == 0 && known.first.map(facts.applied.contains) == true)
        guard ours else { throw notWorkspace(path) }
        if facts.userVersion > Schema.version {
            throw newer(path, "workspace version \(facts.userVersion)")
        }
        if let unknown = facts.applied.first(where: { !known.contains($0) }) {
            throw newer(path, "schema change '\(unknown)', workspace version \(max(facts.userVersion, facts.applied.count))")
        }
        return Set(facts.applied) == Set(known) ? .current : .older
    }

    /// Whether the file starts with SQLite's 16-byte magic string.
    private static func hasSQLiteHeader(_ path: String) throws -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError.inputError(path, errno) }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        let got = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard got >= 0 else { throw SystemError.inputError(path, errno) }
        return got == 16 && header == Array("SQLite format 3\0".utf8)
    }

    /// Reads the identity through a read-only connection, which creates no table and writes nothing.
    private static func probe(_ path: String) throws -> Facts {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "roundtable-identity"
        // A reader rarely waits in WAL mode (a writer's recovery or checkpoint): wait like a command would.
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: WorkspaceFile.readableLocation(path), configuration: configuration)
            return try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                let applied = tables.contains("grdb_migrations")
                    ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
                return Facts(applicationID: try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                             userVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                             tableCount: tables.count, applied: applied)
            }
        } catch let error as DatabaseError {
            throw DatabaseFailure.error(for: error, path: path)
        }
    }

    static func notWorkspace(_ path: String) -> RoundtableError {
        RoundtableError.rule("\(path): not a Roundtable workspace")
    }

    private static func newer(_ path: String, _ what: String) -> RoundtableError {
        RoundtableError.rule("\(path) was written by a newer Roundtable (\(what)); this roundtable reads workspace "
                             + "versions up to \(Schema.version): update roundtable to open it")
    }
}

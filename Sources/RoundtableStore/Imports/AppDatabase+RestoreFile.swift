import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Restores a backup into the workspace at `path` (see `restoreWorkspace(_:)`). When no file is
    /// there yet, the workspace is built in a hidden file beside it and linked into place only once
    /// complete, so no other command ever sees half of it and a failed restore leaves nothing
    /// behind; an existing (empty) workspace is restored into where it is.
    public static func restoreWorkspace(at path: String, busyTimeout: TimeInterval = 10,
                                        clock: @escaping @Sendable () -> Date = { Date() },
                                        _ feed: (any WorkspaceSink) throws -> Void) throws -> RestoreSummary {
        guard try WorkspaceIdentity.inspect(path) == .missing else {
            return try open(path: path, busyTimeout: busyTimeout, clock: clock).restoreWorkspace(feed)
        }
        let building = RestoreFile(for: path)
        defer { building.remove() }
        try WorkspaceFile.prepare(building.path)
        let summary = try mapErrors(path: path) {
            // A rollback journal, not a write-ahead log: every page goes to the file once instead of
            // to the log and again at the checkpoint. The file is new, so SQLite journals no page of
            // it and the journal stays empty, yet a refused row is still undone statement by statement.
            var configuration = configuration(busyTimeout: busyTimeout)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = MEMORY")
                // Bounded well under the 64 MB the restore may take; fewer index pages are re-read.
                try db.execute(sql: "PRAGMA cache_size = -16384")
            }
            let queue = try DatabaseQueue(path: building.path, configuration: configuration)
            let summary = try AppDatabase(queue, clock: clock).restoreWorkspace(feed)
            if summary.violations.isEmpty {
                // Workspaces are opened as write-ahead-log databases; switch now, while no one else can.
                try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            }
            try queue.close()
            return summary
        }
        if summary.violations.isEmpty { try building.link(to: path) }
        return summary
    }
}

/// The hidden file a new workspace is restored into, beside where it will go.
struct RestoreFile {
    let path: String

    init(for target: String) {
        let folder = PathName.folder(of: target)
        let name = ".\(PathName.lastComponent(of: target)).restoring-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        path = folder == "/" ? "/" + name : folder + "/" + name
    }

    /// Puts the finished file at `target` unless something appeared there meanwhile.
    func link(to target: String) throws {
        // link(2) never replaces: a workspace another command created in the meantime is kept.
        guard Foundation.link(path, target) == 0 else {
            let code = errno
            if code == EEXIST {
                throw RoundtableError.rule("\(target) was created by another command during the restore; nothing restored")
            }
            throw RoundtableError(.cannotCreateOutput, "cannot create workspace \(target): \(SystemError.describe(code))")
        }
    }

    /// Removes the file and whatever SQLite left beside it.
    func remove() {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }
}

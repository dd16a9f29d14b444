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
        // 8 MiB of page cache is as fast as 16 (the inserts are append-mostly) and keeps the
        // restore's peak well under 64 MB: 51.7 against 60.5 MB at 1M utterances.
        return try buildingNewWorkspace(at: path, busyTimeout: busyTimeout, clock: clock, cacheKiB: 8192,
                                        keep: { $0.violations.isEmpty }) {
            try $0.restoreWorkspace(feed)
        }
    }
}

/// The hidden file a new workspace is built in (by a restore or a bulk import), beside where it will go.
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

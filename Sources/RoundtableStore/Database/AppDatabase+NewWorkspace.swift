import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Runs `build` on a new workspace for `path` that is made in a hidden file beside it and linked
    /// into place only once `build` has returned a result to `keep`, so no other command ever sees
    /// half of it and a failure leaves nothing behind. For bulk loads into a workspace that does
    /// not exist yet: the file is written once, through a rollback journal, not a write-ahead log.
    static func buildingNewWorkspace<T>(at path: String, busyTimeout: TimeInterval, clock: @escaping @Sendable () -> Date,
                                        cacheKiB: Int, keep: (T) -> Bool = { _ in true }, _ build: (AppDatabase) throws -> T) throws -> T {
        let building = RestoreFile(for: path)
        defer { building.remove() }
        try WorkspaceFile.prepare(building.path)
        let result = try mapErrors(path: path) {
            var configuration = configuration(busyTimeout: busyTimeout)
            configuration.prepareDatabase { db in
                // The file is new, so SQLite journals none of its pages and the journal stays empty,
                // yet a refused row is still undone statement by statement.
                try db.execute(sql: "PRAGMA journal_mode = MEMORY")
                // Bounded well under the 64 MB a bulk load may take; fewer index pages are re-read.
                try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
            }
            let queue = try DatabaseQueue(path: building.path, configuration: configuration)
            let result = try build(AppDatabase(queue, clock: clock))
            if keep(result) {
                // Workspaces are opened as write-ahead-log databases; switch now, while no one else can.
                try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            }
            try queue.close()
            return result
        }
        if keep(result) { try building.link(to: path) }
        return result
    }
}

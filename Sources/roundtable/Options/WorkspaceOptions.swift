import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore

/// `--db PATH`, shared by every command that opens the workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Workspace file (else $ROUNDTABLE_DB, else ./roundtable.sqlite).",
                                             valueName: "path"))
    var db: String?

    /// The workspace path this invocation uses.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["ROUNDTABLE_DB"] ?? "roundtable.sqlite"
    }

    /// Opens (or creates) the workspace, for a command that writes.
    func open() throws -> AppDatabase {
        try AppDatabase.open(path: path, busyTimeout: try Self.busyTimeout(), clock: try Self.clock())
    }

    /// Opens the workspace for a command that reads it and also records something (such as the
    /// GUIDs an export assigns): never creates it (exit 66).
    func openExisting() throws -> AppDatabase {
        try AppDatabase.open(path: path, creating: false, busyTimeout: try Self.busyTimeout(), clock: try Self.clock())
    }

    /// Opens the workspace read-only, for a command that only reads: a missing workspace is exit 66
    /// and is never created, and a read-only file serves.
    func openForReading() throws -> AppDatabase {
        try AppDatabase.openForReading(path: path, busyTimeout: try Self.busyTimeout(), clock: try Self.clock())
    }

    /// Seconds to wait for another writer: `ROUNDTABLE_BUSY_TIMEOUT`, else 10.
    static func busyTimeout() throws -> TimeInterval {
        guard let text = ProcessInfo.processInfo.environment["ROUNDTABLE_BUSY_TIMEOUT"], !text.isEmpty else { return 10 }
        // Capped at a day: SQLite takes the wait in milliseconds as a C int, and "inf" parses.
        guard let seconds = TimeInterval(text), seconds >= 0, seconds <= 86_400 else {
            throw RoundtableError.usage("ROUNDTABLE_BUSY_TIMEOUT must be a number of seconds from 0 to 86400, not '\(text)'")
        }
        return seconds
    }

    /// The current time; `ROUNDTABLE_NOW` (ISO 8601 with offset) pins it for tests and recordings.
    static func clock() throws -> @Sendable () -> Date {
        guard let pinned = ProcessInfo.processInfo.environment["ROUNDTABLE_NOW"], !pinned.isEmpty else {
            return { Date() }
        }
        let instant = try InstantParser.instant(from: pinned, zone: nil)
        return { instant }
    }
}

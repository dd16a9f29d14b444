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

    /// Opens (or creates) the workspace.
    func open() throws -> AppDatabase {
        try AppDatabase.open(path: path, busyTimeout: try Self.busyTimeout(), clock: try Self.clock())
    }

    /// Seconds to wait for another writer: `ROUNDTABLE_BUSY_TIMEOUT`, else 10.
    static func busyTimeout() throws -> TimeInterval {
        guard let text = ProcessInfo.processInfo.environment["ROUNDTABLE_BUSY_TIMEOUT"], !text.isEmpty else { return 10 }
        guard let seconds = TimeInterval(text), seconds >= 0 else {
            throw RoundtableError.usage("ROUNDTABLE_BUSY_TIMEOUT must be a number of seconds, not '\(text)'")
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

import Foundation

/// Runs the built `roundtable` binary the way a user would, in a scratch folder of its own.
struct CLI {
    /// What one run printed and how it exited.
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// A fresh folder with the workspace file inside.
    let folder: URL
    /// Extra environment for every run, on top of a clean one.
    var environment: [String: String]

    /// A pinned "now" so outputs never depend on the day the tests run.
    static let pinnedNow = "2026-12-01T09:00:00Z"

    init(now: String = CLI.pinnedNow) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("roundtable-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        environment = ["ROUNDTABLE_NOW": now, "ROUNDTABLE_DB": folder.appendingPathComponent("rt.sqlite").path]
    }

    var databasePath: String { environment["ROUNDTABLE_DB"]! }

    /// Runs the binary and waits for it.
    func run(_ arguments: String...) throws -> Result {
        try start(arguments).finish()
    }

    /// Runs the binary and returns its single stdout line, failing loudly if it did not exit 0.
    func key(_ arguments: String...) throws -> String {
        let result = try start(arguments).finish()
        guard result.status == 0 else {
            throw CLIFailure(description: "\(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts the binary without waiting, so several can race.
    func start(_ arguments: [String]) throws -> Running {
        try start(arguments, standardInput: FileHandle.nullDevice)
    }

    /// A started process.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe

        func finish() -> Result {
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                          status: process.terminationStatus)
        }
    }

    /// The `roundtable` executable built next to this test bundle.
    static let binary: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var candidates = [exe.deletingLastPathComponent().appendingPathComponent("roundtable")]
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/roundtable"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()
}

struct CLIFailure: Error, CustomStringConvertible {
    var description: String
}

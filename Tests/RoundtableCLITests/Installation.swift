import Foundation

/// The built binary copied, with the resource bundles beside it, into a fresh folder outside the
/// checkout — what the README's install lines do — and run from an empty working directory.
struct Installation {
    /// The scratch folder holding `bin/`, the empty working directory `work/` and `d/` for workspaces.
    let root: URL

    var bin: URL { root.appendingPathComponent("bin") }
    var binary: URL { bin.appendingPathComponent("roundtable") }
    var work: URL { root.appendingPathComponent("work") }

    /// Copies the binary and, unless told not to, every `*.resources` bundle built beside it.
    init(withBundles: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("roundtable-install-\(UUID().uuidString)", isDirectory: true)
        for folder in [bin, work, root.appendingPathComponent("d")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(at: CLI.binary, to: binary)
        guard withBundles else { return }
        let built = CLI.binary.deletingLastPathComponent()
        for name in try FileManager.default.contentsOfDirectory(atPath: built.path) where name.hasSuffix(".resources") {
            try FileManager.default.copyItem(at: built.appendingPathComponent(name), to: bin.appendingPathComponent(name))
        }
    }

    /// `path` inside the installation's scratch folder.
    func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// Runs `executable` (the installed binary unless told otherwise) in `work/`, with a clean
    /// environment: no `ROUNDTABLE_TEMPLATES` and no `ROUNDTABLE_DB` unless given.
    func run(_ arguments: [String], environment: [String: String] = [:], executable: URL? = nil) throws -> CLI.Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = work
        var env = ["PATH": "/usr/bin:/bin", "HOME": root.path, "ROUNDTABLE_NOW": CLI.pinnedNow]
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return try CLI.Running(process: process, out: out, err: err).finish(within: 120)
    }
}

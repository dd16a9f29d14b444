import ArgumentParser
import Foundation
import RoundtableCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write workspace data to files other tools and partners read.",
        subcommands: [ExportRoster.self, ExportTranscript.self, ExportCodebook.self, ExportREFI.self, ExportEAF.self, ExportICS.self, ExportWorkspace.self])
}

/// `-o FILE`, defaulting to a readable name under ./exports/.
struct OutputFileOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: a dated name in ./exports/).", valueName: "file"))
    var output: String?

    /// The path to write: `-o`, else `exports/<stem>-<date>.<ext>` (the folder is created if needed).
    func path(stem: String, extension ext: String, now: Date) throws -> String {
        try output ?? Self.defaultPath(stem: stem, extension: ext, now: now)
    }

    /// `exports/<stem>-<date>.<ext>`, creating the folder if needed.
    static func defaultPath(stem: String, extension ext: String, now: Date) throws -> String {
        let folder = "exports"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw RoundtableError(.cannotCreateOutput, "cannot create \(folder)/: \(error.localizedDescription)")
        }
        let stamp = TimeFormat.utc(now).prefix(16).replacingOccurrences(of: ":", with: "")
        return "\(folder)/\(stem)-\(stamp).\(ext)"
    }
}

import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableXML

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write workspace data to files other tools and partners read.",
        subcommands: [ExportRoster.self, ExportTranscript.self, ExportCodebook.self, ExportREFI.self, ExportEAF.self, ExportICS.self, ExportSegments.self,
                      ExportWorkspace.self])
}

/// `-o FILE`, defaulting to a readable name under ./exports/.
struct OutputFileOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Output file, a folder to write the default name into, or - for standard output (default: a dated name in ./exports/).",
        valueName: "file"))
    var output: String?

    /// The path to write: `-o` (the dated name inside it when it is a folder), else
    /// `exports/<stem>-<date>.<ext>` (the folder is created if needed).
    func path(stem: String, extension ext: String, now: Date) throws -> String {
        let name = Self.defaultName(stem: stem, extension: ext, now: now)
        guard let output else { return try Self.defaultPath(name) }
        return try OutputFile.resolve(output, defaultName: name)
    }

    /// Whether the export goes to standard output, which then carries nothing else.
    var isStandardOutput: Bool { output == OutputFile.standardOutputName }

    /// Prints the one-line summary of an export: on stderr when the export itself went to stdout.
    func report(_ line: String) {
        if isStandardOutput {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            Console.print(line)
        }
    }

    /// How the summary line names `path`.
    static func name(_ path: String) -> String {
        path == OutputFile.standardOutputName ? "standard output" : path
    }

    /// `<stem>-<date>.<ext>`; a slash in the stem (from a key as typed) cannot lead elsewhere.
    static func defaultName(stem: String, extension ext: String, now: Date) -> String {
        let stamp = TimeFormat.utc(now).prefix(16).replacingOccurrences(of: ":", with: "")
        let safe = String(stem.map { $0 == "/" || $0 == "\0" ? "-" : $0 })
        return "\(safe)-\(stamp).\(ext)"
    }

    /// `exports/<stem>-<date>.<ext>`, creating the folder if needed.
    static func defaultPath(stem: String, extension ext: String, now: Date) throws -> String {
        try defaultPath(defaultName(stem: stem, extension: ext, now: now))
    }

    /// `exports/<name>`, creating the folder if needed.
    static func defaultPath(_ name: String) throws -> String {
        let folder = "exports"
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw RoundtableError(.cannotCreateOutput, "cannot create \(folder)/: \(SystemError.describe(errno))")
        }
        return PathName.joining(folder, name)
    }
}

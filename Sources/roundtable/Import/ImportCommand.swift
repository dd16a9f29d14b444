import ArgumentParser
import RoundtableXML

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring in what partners send: rosters, codebooks, and workspace backups.",
        subcommands: [ImportRoster.self, ImportCodebook.self, ImportWorkspace.self, ImportREFI.self])
}

/// `--max-size`, shared by every import that reads a file.
struct InputLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Refuse input files larger than this many bytes (default 2 GiB).", valueName: "bytes"))
    var maxSize: Int64 = NativeFormat.defaultMaxSize
}

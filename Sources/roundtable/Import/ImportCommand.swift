import ArgumentParser
import RoundtableXML

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring in what partners send: rosters, codebooks, and workspace backups.",
        discussion: "FILE may be - (standard input), a pipe or a FIFO: every input is read once.",
        subcommands: [ImportRoster.self, ImportCodebook.self, ImportWorkspace.self, ImportREFI.self])
}

/// `--max-size`, shared by every import that reads a file.
struct InputLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Refuse input files larger than this many bytes (default 2 GiB).", valueName: "bytes"))
    var maxSize: Int64 = NativeFormat.defaultMaxSize
}

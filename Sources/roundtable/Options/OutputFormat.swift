import ArgumentParser

/// How listings are written.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

/// `--format table|json`, shared by every list and show.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table
}

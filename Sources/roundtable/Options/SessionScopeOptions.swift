import ArgumentParser
import RoundtableCore
import RoundtableStore

/// `--session S` (repeatable) or `--panel KEY`; neither means every session.
struct SessionScopeOptions: ParsableArguments {
    @Option(name: .customLong("session"), help: ArgumentHelp("A session, such as S-0001 (repeatable; default: every session).",
                                                            valueName: "session"))
    var sessions: [String] = []
    @Option(help: ArgumentHelp("Every session of this panel.", valueName: "key")) var panel: String?

    func validate() throws {
        if !sessions.isEmpty, panel != nil { throw ValidationError("give --session or --panel, not both") }
    }

    /// The sessions chosen.
    func scope() throws -> SessionScope {
        if let panel { return .panel(panel) }
        return sessions.isEmpty ? .all : .sessions(try sessions.map(Keys.session))
    }

    /// What a default file name says about the choice: `-nordic-pool`, `-S-0001-S-0002`, or nothing.
    func stemSuffix() throws -> String {
        if let panel { return "-" + panel }
        return try sessions.map { "-\(try Keys.session($0))" }.joined()
    }
}

/// How a report with a CSV form is written.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
}

/// `--format table|json|csv`, for reports whose rows a spreadsheet takes.
struct ReportFormatOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv (RFC 4180, UTF-8).")
    var format: ReportFormat = .table
}

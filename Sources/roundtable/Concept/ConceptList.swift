import ArgumentParser
import RoundtableCore
import RoundtableStore

struct ConceptList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List concepts by key.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let concepts = try workspace.openForReading().concepts()
        switch output.format {
        case .json:
            try JSONOutput.print(concepts.map(ConceptJSON.init))
        case .table:
            var table = Table("KEY", "TITLE", "VERSION", "SESSIONS", "REACTIONS")
            for summary in concepts {
                table.add(summary.concept.key, summary.concept.title, summary.concept.version ?? "",
                          "\(summary.sessions)", "\(summary.reactions)")
            }
            Console.print(table.render())
        }
    }
}

/// A concept as scripts see it in listings.
struct ConceptJSON: Encodable {
    var key: String
    var title: String
    @JSONNullable var description: String?
    @JSONNullable var version: String?
    var createdAt: String
    var sessionCount: Int
    var reactionCount: Int

    init(_ summary: ConceptSummary) {
        key = summary.concept.key
        title = summary.concept.title
        description = summary.concept.description
        version = summary.concept.version
        createdAt = TimeFormat.utc(summary.concept.createdAt)
        sessionCount = summary.sessions
        reactionCount = summary.reactions
    }
}

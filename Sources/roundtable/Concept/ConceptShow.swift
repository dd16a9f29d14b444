import ArgumentParser
import RoundtableCore
import RoundtableStore

struct ConceptShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a concept, the sessions it was shown in, and its scores.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "Concept key.") var key: String

    func run() throws {
        let details = try workspace.openForReading().conceptDetails(key)
        switch output.format {
        case .json:
            try JSONOutput.print(ConceptDetailsJSON(details))
        case .table:
            let concept = details.concept
            Console.print("\(concept.key)  \(concept.title)" + (concept.version.map { "  (\($0))" } ?? ""))
            if let description = concept.description { Console.print(description) }
            Console.print()
            guard !details.showings.isEmpty else {
                Console.print("not presented in any session yet")
                return
            }
            var table = Table("SESSION", "POS", "START", "TITLE", "STATUS")
            table.headers += ConceptScoreCells.headers
            for showing in details.showings {
                let session = showing.session
                table.rows.append(["\(session.key)", "\(showing.position)", TimeFormat.short(session.startsAt, session.zone),
                                   session.title, session.status.rawValue] + ConceptScoreCells.cells(showing.score))
            }
            table.rows.append(["all", "", "", "", ""] + ConceptScoreCells.cells(details.score))
            Console.print(table.render())
        }
    }
}

/// `concept show` as scripts see it.
struct ConceptDetailsJSON: Encodable {
    var key: String
    var title: String
    @JSONNullable var description: String?
    @JSONNullable var version: String?
    var createdAt: String
    var sessions: [ConceptShowingJSON]
    /// Across every session.
    var scores: StatisticJSON.Scores

    init(_ details: ConceptDetails) {
        key = details.concept.key
        title = details.concept.title
        description = details.concept.description
        version = details.concept.version
        createdAt = TimeFormat.utc(details.concept.createdAt)
        sessions = details.showings.map {
            ConceptShowingJSON(session: $0.session, viewer: nil, position: $0.position, score: $0.score)
        }
        scores = StatisticJSON.Scores(details.score)
    }
}

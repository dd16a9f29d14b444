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
    /// One session the concept was shown in.
    struct ShowingJSON: Encodable {
        var session: String
        var title: String
        var start: String
        var status: String
        var position: Int
        var scores: ConceptScoreJSON
    }

    var key: String
    var title: String
    var description: String?
    var version: String?
    var created: String
    var sessions: [ShowingJSON]
    /// Across every session.
    var scores: ConceptScoreJSON

    init(_ details: ConceptDetails) {
        key = details.concept.key
        title = details.concept.title
        description = details.concept.description
        version = details.concept.version
        created = TimeFormat.utc(details.concept.createdAt)
        sessions = details.showings.map { showing in
            ShowingJSON(session: "\(showing.session.key)", title: showing.session.title,
                        start: TimeFormat.utc(showing.session.startsAt), status: showing.session.status.rawValue,
                        position: showing.position, scores: ConceptScoreJSON(showing.score, named: false))
        }
        scores = ConceptScoreJSON(details.score, named: false)
    }
}

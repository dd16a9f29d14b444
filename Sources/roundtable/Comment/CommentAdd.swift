import ArgumentParser
import RoundtableCore

struct CommentAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a comment card; prints its key.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "Who wrote it (leave out for an anonymous card).") var participant: String?
    @Option(help: "The panel the card was given for.") var panel: String?
    @Option(help: "How it came: paper, email, web or phone.") var channel: CommentChannel?
    @Option(parsing: .unconditional, help: "Overall rating, 1–5.") var rating: Int?
    @Argument(help: "What the card says.") var text: String

    func run() throws {
        let card = try workspace.open().addComment(participant: try participant.map(Keys.participant), panel: panel,
                                                   channel: channel, rating: rating, text: text)
        Console.print("\(card.key)")
    }
}

import ArgumentParser

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment", abstract: "Comment cards: free feedback from participants.",
        subcommands: [])
}

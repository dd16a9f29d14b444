import ArgumentParser
import RoundtableCore

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment", abstract: "Comment cards: free feedback from participants.",
        subcommands: [CommentAdd.self, CommentList.self])
}

extension CommentChannel: ExpressibleByArgument {}

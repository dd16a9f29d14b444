import ArgumentParser

struct ModeratorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderator", abstract: "Staff who run sessions.",
        subcommands: [ModeratorAdd.self, ModeratorList.self])
}

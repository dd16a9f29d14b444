import ArgumentParser

struct ModeratorAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a moderator; prints the new key.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Full name.") var name: String
    @Option(help: "E-mail address.") var email: String
    @Option(name: .customLong("tz"), help: ArgumentHelp("IANA time zone the moderator works in.", valueName: "zone"))
    var timeZone: String

    func run() throws {
        let moderator = try workspace.open().addModerator(name: name, email: email, timeZone: timeZone)
        Console.print("\(moderator.key)")
    }
}

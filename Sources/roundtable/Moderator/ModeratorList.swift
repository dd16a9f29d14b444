import ArgumentParser
import RoundtableCore

struct ModeratorList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List moderators.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let moderators = try workspace.openForReading().moderators()
        switch output.format {
        case .json:
            try JSONOutput.print(moderators.map(ModeratorJSON.init))
        case .table:
            var table = Table("KEY", "NAME", "E-MAIL", "TIME ZONE")
            for moderator in moderators {
                table.add("\(moderator.key)", moderator.name, moderator.email, moderator.timeZone)
            }
            Console.print(table.render())
        }
    }
}

/// A moderator as scripts see it.
struct ModeratorJSON: Encodable {
    var key: String
    var name: String
    var email: String
    var timeZone: String

    init(_ moderator: Moderator) {
        key = "\(moderator.key)"
        name = moderator.name
        email = moderator.email
        timeZone = moderator.timeZone
    }
}

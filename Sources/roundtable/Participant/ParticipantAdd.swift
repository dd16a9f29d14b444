import ArgumentParser
import RoundtableCore
import RoundtableStore

struct ParticipantAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a participant; prints the new key.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "Display name.") var name: String
    @Option(help: "E-mail address.") var email: String?
    @Option(help: "Phone number.") var phone: String?
    @Option(name: .customLong("tz"), help: ArgumentHelp("IANA time zone.", valueName: "zone")) var timeZone: String?
    @Option(help: "Locale, such as fi-FI.") var locale: String?
    @Option(name: .customLong("attr"), help: ArgumentHelp("Attribute, repeatable.", valueName: "name=value"))
    var attributes: [String] = []

    func run() throws {
        let new = NewParticipant(name: name, email: email, phone: phone, locale: locale, timeZone: timeZone,
                                 attributes: try attributes.map(ParticipantAttribute.parse))
        let participant = try workspace.open().addParticipant(new)
        Console.print("\(participant.key)")
    }
}

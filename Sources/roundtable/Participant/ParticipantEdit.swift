import ArgumentParser
import RoundtableCore
import RoundtableStore

struct ParticipantEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a participant's details; an empty value clears a field.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Participant key.") var key: String
    @Option(help: "Display name.") var name: String?
    @Option(help: "E-mail address.") var email: String?
    @Option(help: "Phone number.") var phone: String?
    @Option(name: .customLong("tz"), help: ArgumentHelp("IANA time zone.", valueName: "zone")) var timeZone: String?
    @Option(help: "Locale, such as sv-FI.") var locale: String?
    @Option(name: .customLong("attr"), help: ArgumentHelp("Set an attribute, repeatable.", valueName: "name=value"))
    var attributes: [String] = []
    @Option(name: .customLong("unset-attr"), help: ArgumentHelp("Remove an attribute, repeatable.", valueName: "name"))
    var removedAttributes: [String] = []
    @Flag(inversion: .prefixedNo, help: "Never contact this person (or lift that with --no-do-not-contact).")
    var doNotContact: Bool?

    func run() throws {
        var changes = ParticipantChanges()
        changes.name = name
        changes.email = email
        changes.phone = phone
        changes.timeZone = timeZone
        changes.locale = locale
        changes.doNotContact = doNotContact
        changes.setAttributes = try attributes.map(ParticipantAttribute.parse)
        changes.removeAttributes = removedAttributes
        let participant = try workspace.open().editParticipant(try Keys.participant(key), changes)
        Console.print("updated \(participant.key)")
    }
}

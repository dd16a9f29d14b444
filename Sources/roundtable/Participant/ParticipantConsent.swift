import ArgumentParser
import RoundtableCore

struct ParticipantConsent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Record consent given or withdrawn for one scope.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Participant key.") var key: String
    @Option(help: "contact, recording, transcript or quotes.") var scope: ConsentScope
    @Flag(help: "Consent was given.") var given = false
    @Flag(help: "Consent was withdrawn.") var withdrawn = false
    @Option(help: "Version of the consent text.") var version: String = "1"

    func validate() throws {
        guard given != withdrawn else { throw ValidationError("give exactly one of --given or --withdrawn") }
    }

    func run() throws {
        let participant = try Keys.participant(key)
        let consent = try workspace.open().recordConsent(participant, scope: scope, given: given, version: version)
        Console.print("\(participant) \(consent.scope.rawValue) consent \(given ? "given" : "withdrawn") (v\(consent.version))")
    }
}

import ArgumentParser

struct ParticipantForget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase a participant's identity (GDPR); an anonymous record keeps counts and history right.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Participant key.") var key: String

    func run() throws {
        let participant = try workspace.open().forgetParticipant(try Keys.participant(key))
        Console.print("forgot \(participant.key): name, contact data and attributes removed; open invitations withdrawn")
    }
}

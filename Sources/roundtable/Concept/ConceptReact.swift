import ArgumentParser

struct ConceptReact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "react", abstract: "Record how an attendee reacted to a concept; prints the reaction key.",
        discussion: "A second reaction by the same person to the same concept in the same session replaces the first.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var session: String
    @Argument(help: "Concept key.") var concept: String
    @Argument(help: "Participant key; their seat must be attended.") var participant: String
    @Option(help: "Appeal, 1–5.") var appeal: Int
    @Option(help: "Purchase intent, 1–5.") var intent: Int
    @Option(help: "Would recommend, 0–10.") var recommend: Int
    // Unconditional, so a negative answer such as -2 is read as the value, not as an option.
    @Option(parsing: .unconditional, help: "Expectation against experience, -2 (far below) to 2 (far above).")
    var expectation: Int?
    @Option(help: "What they said.") var comment: String?

    func run() throws {
        let sessionKey = try Keys.session(session)
        let personKey = try Keys.participant(participant)
        let recorded = try workspace.open().react(
            session: sessionKey, concept: concept, participant: personKey, appeal: appeal, intent: intent,
            recommend: recommend, expectation: expectation, comment: comment)
        if recorded.replaced {
            Console.warning("\(personKey)'s earlier reaction to \(concept) in \(sessionKey) was replaced")
        }
        Console.print("\(recorded.reaction.key)")
    }
}

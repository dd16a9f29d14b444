import ArgumentParser
import RoundtableCore
import RoundtableStore

struct ConceptReact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "react", abstract: "Record how an attendee reacted to a concept; prints the reaction key.",
        discussion: """
            A second reaction by the same person to the same concept in the same session is refused and \
            the one on record shown, unless --replace is given. Replacing lists the answers it changes; \
            codings of the comment are kept when the comment is given again unchanged, and listed as \
            removed when it changes.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var session: String
    @Argument(help: "Concept key.") var concept: String
    @Argument(help: "Participant key; their seat must be attended.") var participant: String
    // Unconditional, so a negative number such as -1 is read as the value (and refused as out of
    // range by name), not as an unknown option leaving the flag without a value.
    @Option(parsing: .unconditional, help: "Appeal, 1–5.") var appeal: Int
    @Option(parsing: .unconditional, help: "Purchase intent, 1–5.") var intent: Int
    @Option(parsing: .unconditional, help: "Would recommend, 0–10.") var recommend: Int
    @Option(parsing: .unconditional, help: "Expectation against experience, -2 (far below) to +2 (far above).")
    var expectation: Int?
    @Option(help: "What they said.") var comment: String?
    @Flag(help: "Replace this person's earlier reaction to this concept in this session.") var replace = false

    func run() throws {
        let sessionKey = try Keys.session(session)
        let personKey = try Keys.participant(participant)
        let recorded: RecordedReaction
        do {
            recorded = try workspace.open().react(
                session: sessionKey, concept: concept, participant: personKey, appeal: appeal, intent: intent,
                recommend: recommend, expectation: expectation, comment: comment, replace: replace)
        } catch let taken as ReactionAlreadyRecorded {
            var held = "\(taken.existing.key) (\(taken.existing.answers)"
            if taken.codings > 0 { held += "; \(taken.codings) coding\(taken.codings == 1 ? "" : "s") on the comment" }
            throw RoundtableError.rule(
                "\(taken.participant) already reacted to \(taken.concept) in \(taken.session): \(held)); "
                    + "give --replace to record these answers instead")
        }
        if let replacement = recorded.replacement {
            let what = "\(personKey)'s reaction to \(concept) in \(sessionKey) (\(recorded.reaction.key))"
            if replacement.changes.isEmpty {
                Console.warning("\(what) already had these answers; nothing changed")
            } else {
                Console.warning("replaced \(what): " + replacement.changes.map(\.description).joined(separator: ", "))
            }
            for removed in replacement.removedCodings {
                Console.warning("removed coding \(removed.codePath) [\(removed.span.start), \(removed.span.end)) "
                                + "\(Reaction.quoted(removed.text)) of the old comment")
            }
        }
        Console.print("\(recorded.reaction.key)")
    }
}

import ArgumentParser

struct ConceptPresent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present", abstract: "Record which concepts a session shows, in order; prints the order.",
        discussion: """
            Without --rotate the concepts are shown in the order given. With --rotate the order is the next
            row of a balanced rotation (Williams design) across the panel's earlier sessions that showed the
            same concepts, so every concept is shown first, second, … equally often over a full cycle.
            Presenting again replaces the order only while nobody has reacted yet.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var session: String
    @Argument(help: "Concept keys, in the order shown unless --rotate.") var concepts: [String]
    @Flag(help: "Choose the order by rotation across the panel's sessions.") var rotate = false

    func run() throws {
        let key = try Keys.session(session)
        let lineup = try workspace.open().presentConcepts(session: key, concepts: concepts, rotate: rotate)
        Console.print("\(key) shows: " + lineup.map { "\($0.position) \($0.concept.key)" }.joined(separator: ", "))
    }
}

import ArgumentParser

struct ConceptAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a concept; prints its key.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Key: 2–40 lower-case letters, digits or dashes, such as eco-box.") var key: String
    @Option(help: "Title.") var title: String
    @Option(help: "What the concept is, as shown to participants.") var description: String?
    @Option(help: "The concept's own version label, such as v2.") var version: String?

    func run() throws {
        let concept = try workspace.open().addConcept(key: key, title: title, description: description, version: version)
        Console.print(concept.key)
    }
}

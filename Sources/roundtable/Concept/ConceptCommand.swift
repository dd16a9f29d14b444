import ArgumentParser

struct ConceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concept", abstract: "Product and service concepts shown in sessions, and how people reacted.",
        subcommands: [ConceptAdd.self, ConceptList.self, ConceptShow.self, ConceptPresent.self, ConceptReact.self])
}

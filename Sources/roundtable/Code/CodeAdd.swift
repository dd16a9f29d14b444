import ArgumentParser

struct CodeAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a code to the codebook; prints its path.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The code's name (without '/').") var name: String
    @Option(help: "The parent code: a path such as Channel, or a name only one code has.") var parent: String?
    @Option(help: "What the code means and when to apply it.") var description: String?
    @Option(help: ArgumentHelp("Colour as #rrggbb.", valueName: "#rrggbb")) var color: String?

    func run() throws {
        let node = try workspace.open().addCode(name: name, parent: parent, description: description, color: color)
        Console.print(node.path)
    }
}

import ArgumentParser
import RoundtableCore

struct PanelCreate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a panel.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Slug key, such as nordic-cab.") var key: String
    @Option(help: "Display name.") var name: String
    @Option(help: "advisory-board or pool.") var kind: PanelKind
    @Option(help: "What the panel is for.") var description: String?

    func run() throws {
        let panel = try workspace.open().createPanel(key: key, name: name, kind: kind, description: description)
        Console.print(panel.key)
    }
}

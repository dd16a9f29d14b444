import ArgumentParser

struct PanelArchive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", abstract: "Archive a panel: kept for history, closed to new members and sessions.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Panel key.") var key: String

    func run() throws {
        let panel = try workspace.open().archivePanel(key)
        Console.print("archived \(panel.key)")
    }
}

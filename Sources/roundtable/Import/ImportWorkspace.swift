import ArgumentParser

struct ImportWorkspace: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workspace", abstract: "Restore a workspace backup.")
    func run() throws {}
}

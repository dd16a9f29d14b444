import ArgumentParser

struct ExportWorkspace: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workspace", abstract: "Back up the whole workspace.")
    func run() throws {}
}

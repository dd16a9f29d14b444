import ArgumentParser

struct SessionCancel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a session with a reason.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var key: String
    @Option(help: "Why it was cancelled.") var reason: String

    func run() throws {
        let session = try workspace.open().cancelSession(try Keys.session(key), reason: reason)
        Console.print("cancelled \(session.key)")
    }
}

struct SessionComplete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete", abstract: "Mark a session completed; unmarked confirmed seats become no-shows.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var key: String

    func run() throws {
        let summary = try workspace.open().completeSession(try Keys.session(key))
        var line = "completed \(summary.session.key): \(summary.attended) attended"
        if !summary.markedNoShow.isEmpty {
            line += ", \(summary.markedNoShow.count) no-show (\(summary.markedNoShow.map(\.description).joined(separator: ", ")))"
        }
        Console.print(line)
    }
}

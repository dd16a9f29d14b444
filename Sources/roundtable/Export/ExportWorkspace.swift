import ArgumentParser
import RoundtableXML

struct ExportWorkspace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace", abstract: "Back up the whole workspace in the native format (restore with 'import workspace').")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var destination: OutputFileOptions

    func run() throws {
        let database = try workspace.openForReading()
        let path = try destination.path(stem: "workspace", extension: "xml", now: database.clock())
        let writer = try WorkspaceWriter(destination: path)
        try database.exportWorkspace(to: writer)
        try writer.finish()
        destination.report("wrote workspace backup to \(OutputFileOptions.name(path))")
    }
}

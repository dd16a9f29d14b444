import ArgumentParser
import RoundtableCore
import RoundtableXML

struct ImportCodebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Load a codebook: codes missing along each path are created, existing ones keep their codings.",
        discussion: "Starter codebook: templates/codebooks/customer-satisfaction.xml")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var limits: InputLimitOptions
    @Argument(help: "A native codebook file (<codebook> in urn:roundtable:xml:1).") var file: String

    func run() throws {
        let database = try workspace.open()
        let reader = try CodebookReader(path: file, maxSize: limits.maxSize)
        let entries = try reader.read()
        reader.warningMessages.forEach(Console.warning)
        let counts = try database.importCodes(entries.map { (path: $0.path, description: $0.description, color: $0.color) })
        Console.print("codebook \(file): \(counts.created) codes created, \(counts.updated) updated, \(counts.unchanged) unchanged")
    }
}

import ArgumentParser
import RoundtableCore
import RoundtableXML

struct ExportCodebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Write the codebook as a REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA or QualCoder.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var destination: OutputFileOptions

    func run() throws {
        let database = try workspace.openForReading()
        let codes = try database.codes().preorder.map(\.code)
        let path = try destination.path(stem: "codebook", extension: "qdc", now: database.clock())
        try REFICodebookWriter.write(codes, to: path, origin: "Roundtable \(Roundtable.configuration.version)")
        destination.report("wrote \(codes.count) codes to \(OutputFileOptions.name(path))")
    }
}

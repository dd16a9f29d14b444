import ArgumentParser
import RoundtableCore
import RoundtableXML

struct ExportTranscript: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcript",
        abstract: "Write one session's transcript with its codings in the native format.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var destination: OutputFileOptions
    @Argument(help: "The session, such as S-0001.") var session: String
    @Flag(help: "Replace participants' names with codes (P01, P02, …) in speakers and text; no participant keys.")
    var pseudonymize = false

    func run() throws {
        let key = try EntityKey(parsing: session, as: .session)
        let database = try workspace.openForReading()
        let stem = "transcript-\(key)" + (pseudonymize ? "-pseudonymized" : "")
        let path = try destination.path(stem: stem, extension: "xml", now: database.clock())
        let writer = try TranscriptWriter(destination: path)
        try database.exportTranscript(key, pseudonymize: pseudonymize, to: writer)
        try writer.finish()
        destination.report("wrote \(writer.count) utterances of \(key) to \(OutputFileOptions.name(path))")
    }
}

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
    @OptionGroup var pseudonym: PseudonymOptions

    func validate() throws {
        try pseudonym.validate(output: destination.output)
    }

    func run() throws {
        let key = try EntityKey(parsing: session, as: .session)
        let database = try workspace.openForReading()
        let stem = "transcript-\(key)" + pseudonym.stemSuffix
        let path = try destination.path(stem: stem, extension: "xml", now: database.clock())
        let writer = try TranscriptWriter(destination: path)
        let pseudonyms = try database.exportTranscript(key, pseudonymize: pseudonym.pseudonymize, to: writer)
        let wroteKey = try pseudonym.write(pseudonyms)
        try writer.finish()
        destination.report("wrote \(writer.count) utterances of \(key) to \(OutputFileOptions.name(path))")
        wroteKey.map(destination.report)
    }
}

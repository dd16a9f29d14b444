import ArgumentParser
import RoundtableCore
import RoundtableXML

struct ExportEAF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eaf",
        abstract: "Write one session's transcript as an ELAN 3.0 document (.eaf), a tier per speaker.",
        discussion: """
            Times are milliseconds from the start of the session. A turn without an end ends where the \
            next turn starts, or after a time estimated from its length when nothing follows it; a turn \
            without a start follows the one before it. Codings are not included (`export transcript` has them).
            """)

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
        let now = database.clock()
        let stem = "transcript-\(key)" + pseudonym.stemSuffix
        let path = try destination.path(stem: stem, extension: "eaf", now: now)
        let writer = try ELANWriter(destination: path, created: now)
        let pseudonyms = try database.exportTranscript(key, pseudonymize: pseudonym.pseudonymize, to: writer)
        let wroteKey = try pseudonym.write(pseudonyms)
        try writer.finish()
        destination.report("wrote \(writer.annotationCount) annotations on \(writer.tierCount) tiers of \(key) to \(OutputFileOptions.name(path))")
        wroteKey.map(destination.report)
    }
}

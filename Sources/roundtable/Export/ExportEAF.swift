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
    @Flag(help: "Replace participants' names with codes (P01, P02, …) in tiers and text.")
    var pseudonymize = false

    func run() throws {
        let key = try EntityKey(parsing: session, as: .session)
        let database = try workspace.openForReading()
        let now = database.clock()
        let stem = "transcript-\(key)" + (pseudonymize ? "-pseudonymized" : "")
        let path = try destination.path(stem: stem, extension: "eaf", now: now)
        let writer = try ELANWriter(destination: path, created: now)
        try database.exportTranscript(key, pseudonymize: pseudonymize, to: writer)
        try writer.finish()
        destination.report("wrote \(writer.annotationCount) annotations on \(writer.tierCount) tiers of \(key) to \(OutputFileOptions.name(path))")
    }
}

import ArgumentParser
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct ExportREFI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refi",
        abstract: "Write sessions as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder.",
        discussion: """
            Each session becomes a text source (one `Speaker: text` line per turn, created by its first \
            moderator, with its start, time zone and length as the source variables "session start", \
            "session time zone" and "session duration (minutes)") and a set, each coding a selection with \
            its code, each participant a case with their attributes and turns, notes as notes, moderators \
            and coders as users. GUIDs are stored, so exporting again names everything the same; \
            `import refi` of the file gives each session back its time and each turn its speaker.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var destination: OutputFileOptions
    @Option(name: .customLong("session"), help: ArgumentHelp("A session to include, such as S-0001 (repeatable).", valueName: "session"))
    var sessions: [String] = []
    @Option(help: ArgumentHelp("Every transcribed session of this panel.", valueName: "key")) var panel: String?
    @Flag(help: "Every transcribed session.") var all = false
    @OptionGroup var pseudonym: PseudonymOptions

    func validate() throws {
        let given = (sessions.isEmpty ? 0 : 1) + (panel == nil ? 0 : 1) + (all ? 1 : 0)
        guard given == 1 else { throw ValidationError("give exactly one of --session, --panel or --all") }
        try pseudonym.validate(output: destination.output)
    }

    func run() throws {
        let scope: REFIScope
        let stem: String
        if let panel {
            (scope, stem) = (.panel(panel), "refi-\(panel)")
        } else if all {
            (scope, stem) = (.all, "refi-all")
        } else {
            let keys = try sessions.map { try EntityKey(parsing: $0, as: .session) }
            (scope, stem) = (.sessions(keys), "refi-" + keys.map(\.description).joined(separator: "-"))
        }
        let database = try workspace.openExisting()
        let now = database.clock()
        let path = try destination.path(stem: stem + pseudonym.stemSuffix, extension: "qdpx", now: now)
        let writer = try REFIProjectWriter(destination: path, origin: "Roundtable \(Roundtable.configuration.version)", created: now)
        let project = try database.exportREFIProject(scope, name: "Roundtable \(stem.dropFirst(5))", pseudonymize: pseudonym.pseudonymize,
                                                     into: writer)
        // The project appears only once the GUIDs it names are stored.
        try writer.commit()
        let wroteKey = try project.pseudonymKey.flatMap(pseudonym.write)
        destination.report("wrote \(project.sources.count) sources, \(writer.codings) codings and \(project.cases.count) cases to \(OutputFileOptions.name(path))")
        wroteKey.map(destination.report)
    }
}

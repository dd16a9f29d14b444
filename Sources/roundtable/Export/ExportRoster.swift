import ArgumentParser
import RoundtableCore
import RoundtableXML

struct ExportRoster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Write participants as a native roster, with a partner's own ids where they are known.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var destination: OutputFileOptions
    @Option(help: "Only current members of this panel.") var panel: String?
    @Option(help: "Use this partner's ids for the people it sent (others get their Roundtable key).") var partner: String?

    func run() throws {
        let database = try workspace.openForReading()
        let path = try destination.path(stem: "roster" + (panel.map { "-\($0)" } ?? ""), extension: "xml",
                                        now: database.clock())
        let writer = try RosterWriter(destination: path, partner: partner)
        let (panel, partner) = (panel, partner)
        // The store reads on a second thread while the XML is written on this one.
        try ReadAhead<RosterEntry>().run(
            produce: { emit in try database.exportRoster(panel: panel, partner: partner, emit) },
            consume: { try writer.write($0) })
        try writer.finish()
        destination.report("wrote \(writer.count) participants to \(OutputFileOptions.name(path))")
    }
}

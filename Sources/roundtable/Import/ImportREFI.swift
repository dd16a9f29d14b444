import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct ImportREFI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refi",
        abstract: "Bring in a REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA): codebook, cases, sources as sessions.",
        discussion: """
            Each text source becomes a past 60-minute session of the panel (created as a pool if missing; \
            default: a panel named after the project), starting at the source's creation time, led by a \
            moderator for the project's first user (user-1@refi.invalid, UTC). Its transcript is the text cut \
            into turns on lines ("Speaker: text", else by "Source"); codings land on the turns they cover. \
            Cases become participants with their variables as attributes. What is not brought across is \
            listed as warnings on stderr.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var limits: InputLimitOptions
    @Option(name: .customLong("as-panel"), help: "Panel key for the imported sessions.") var panel: String?
    @Argument(help: "A .qdpx file.") var file: String

    func run() throws {
        let database = try workspace.open()
        let project = try REFIProjectReader(path: file, maxSize: limits.maxSize).read()
        let report = try database.importREFIProject(project, panel: panel)
        report.warnings.forEach(Console.warning)
        Console.print("refi \(file): \(report.sessions.count) sources, \(report.utterances) utterances, "
                      + "\(project.codes.count) codes (\(report.codesCreated) created), \(report.codings) codings, "
                      + "\(report.cases) cases, \(report.warnings.count) warnings; panel \(report.panel)")
    }
}

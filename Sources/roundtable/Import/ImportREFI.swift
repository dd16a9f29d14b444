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
            Each text source becomes a past session of the panel (created as a pool if missing; default: a \
            panel named after the project): at the time Roundtable recorded in the source's variables, else \
            60 minutes from the source's creation time, led by a moderator for the user who created the source \
            (user-N@refi.invalid, UTC). Its transcript is the text cut into turns on lines ("Speaker: text", \
            else by "Source"); codings land on the turns they cover. Cases become participants with their \
            variables as attributes, and the turns a case refers to are theirs. What is not brought across \
            (such as selections outside their source) is listed as warnings on stderr. A text source whose \
            text is missing or not UTF-8 is an error, and so is a project with sources of which none can be \
            brought across, unless --codebook-only. The archive, each entry and all entries together must \
            stay within --max-size once unpacked, and nothing may expand more than 100:1 past its first 8 MiB.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var limits: InputLimitOptions
    @Option(name: .customLong("as-panel"), help: "Panel key for the imported sessions.") var panel: String?
    @Flag(help: "Bring across only the codebook and the cases; sources are not read.") var codebookOnly = false
    @Argument(help: "A .qdpx file.") var file: String

    func run() throws {
        let reader = try REFIProjectReader(path: file, maxSize: limits.maxSize, codebookOnly: codebookOnly)
        var codes = 0
        // Each source becomes a session as it is read; a project that gives none is rolled back whole.
        let report = try AppDatabase.importREFIProject(at: workspace.path, busyTimeout: try WorkspaceOptions.busyTimeout(),
                                                       clock: try WorkspaceOptions.clock(), panel: panel) { each in
            let project = try reader.read(each: each)
            if !codebookOnly, let reason = project.sourcesNotBroughtAcross {
                project.warnings.forEach(Console.warning)
                throw RoundtableError.rule("\(file): \(reason), so it would give no sessions "
                                           + "(give --codebook-only to bring across only its codebook and cases)")
            }
            codes = project.codes.count
            return project
        }
        report.warnings.forEach(Console.warning)
        Console.print("refi \(file): \(report.sessions.count) sources, \(report.utterances) utterances, "
                      + "\(codes) codes (\(report.codesCreated) created), \(report.codings) codings, "
                      + "\(report.selectionsNotApplied) selections not applied, \(report.cases) cases "
                      + "(\(report.attributedTurns) turns theirs), \(report.warnings.count) warnings; panel \(report.panel)")
    }
}

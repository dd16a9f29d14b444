import ArgumentParser
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct ImportWorkspace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace", abstract: "Restore a workspace backup into an empty workspace.",
        discussion: """
            The backup is held to the rules the commands keep: no moderator, participant or room in two
            overlapping sessions, seats within capacity + reserve, IANA time zones, keys given once,
            valid names and contact details. Every broken rule is listed with its line (exit 65), and
            nothing is restored.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var limits: InputLimitOptions
    @Argument(help: "Backup file written by 'export workspace'.") var file: String

    func run() throws {
        let reader = try WorkspaceReader(path: file, maxSize: limits.maxSize)
        let summary = try AppDatabase.restoreWorkspace(at: workspace.path, busyTimeout: try WorkspaceOptions.busyTimeout(),
                                                       clock: try WorkspaceOptions.clock()) { sink in try reader.read(into: sink) }
        reader.warningMessages.forEach(Console.warning)
        guard summary.violations.isEmpty else {
            for violation in summary.violations {
                Console.error(violation.line > 0 ? "\(file):\(violation.line): \(violation.message)" : violation.message)
            }
            let count = summary.violations.count
            throw RoundtableError.rule("\(count == 1 ? "1 broken rule" : "\(count) broken rules") in the backup; nothing restored")
        }
        Console.print("restored \(summary.moderators) moderators, \(summary.panels) panels, \(summary.participants) participants, "
                      + "\(summary.sessions) sessions and \(summary.auditEntries) audit entries into \(workspace.path)")
        let research = [(summary.concepts, "concepts"), (summary.reactions, "reactions"), (summary.utterances, "utterances"),
                        (summary.codings, "codings"), (summary.codingBatches, "coding batches"), (summary.notes, "notes"), (summary.commentCards, "comment cards"),
                        (summary.surveyResponses, "survey responses")].filter { $0.0 > 0 }
        if !research.isEmpty {
            Console.print("with " + research.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        }
    }
}

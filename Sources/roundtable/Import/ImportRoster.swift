import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct ImportRoster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import a partner's participant roster (native XML), upserting by the partner's ids.",
        discussion: """
            The file is validated against the bundled schema as it streams. The import is one transaction:
            by default any rejected row fails it all (exit 65, nothing written); --skip-invalid imports the rest.
            Re-importing the same file changes no participant and says so.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var limits: InputLimitOptions
    @Argument(help: "Roster file.") var file: String
    @Option(help: "The partner agency that sent the file.") var partner: String
    @Option(help: "Make every imported participant an active member of this panel.") var panel: String?
    @Flag(help: "Report what would happen; write nothing.") var dryRun = false
    @Flag(help: "Import the valid rows even when some are rejected.") var skipInvalid = false

    func run() throws {
        let database = try workspace.open()
        let digest = try FileDigest(path: file)
        let reader = try RosterReader(path: file, maxSize: limits.maxSize)
        let progress = Progress(label: "importing \((file as NSString).lastPathComponent)")
        let options = RosterImportOptions(partner: partner, fileName: (file as NSString).lastPathComponent, panel: panel,
                                          dryRun: dryRun, skipInvalid: skipInvalid)
        let report = try database.importRoster(options, sha256: digest.value) { deliver in
            try reader.readAhead { item in
                try deliver(item)
                progress.step()
            }
        }
        progress.finish()
        reader.warningMessages.forEach(Console.warning)
        for row in report.rejected {
            let line = "\(file):\(row.line): \(row.message)"
            if report.committed { Console.warning("skipped " + line) } else { Console.error(line) }
        }
        let counts = "\(report.new) new, \(report.updated) updated, \(report.unchanged) unchanged"
            + (report.forgottenSkipped > 0 ? ", \(report.forgottenSkipped) forgotten (not re-imported)" : "")
            + ", \(report.rejected.count) rejected"
        if dryRun {
            Console.print("dry run, nothing written: would import \(counts)")
        } else if report.committed {
            let nothing = report.new == 0 && report.updated == 0 ? " (nothing changed)" : ""
            Console.print("imported batch \(report.batchId!) from \(partner): \(counts)\(nothing)")
        }
        if !report.committed && !dryRun {
            let rows = report.rejected.count == 1 ? "1 rejected row" : "\(report.rejected.count) rejected rows"
            throw RoundtableError.rule("\(rows); nothing imported (fix them, or give --skip-invalid)")
        }
    }
}

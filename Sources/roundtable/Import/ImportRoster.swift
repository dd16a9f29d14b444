import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct ImportRoster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import a partner's participant roster (native XML or Triple-S), upserting by the partner's ids.",
        discussion: """
            The file is validated against the bundled schema as it streams. The import is one transaction:
            by default any rejected row fails it all (exit 65, nothing written); --skip-invalid imports the rest.
            Re-importing the same file changes no participant and says so.

            A file whose root names another partner (partner="...") is refused whole. Consent
            decisions count by their time (at="..."), whatever order they are listed in; one dated
            in the future is a rejected row. A new person whose e-mail an existing participant has
            is imported and reported as a possible duplicate (also by --dry-run).

            A Triple-S survey (FILE.sss, 1.2 or 2.0) is read with its data file beside it
            (FILE.asc/.dat, or FILE.csv), one participant a record. --map name=VARIABLE is
            required; id defaults to the serial variable (use="serial", or named like
            serial/id/respid), else the record number. Every other variable becomes an
            attribute named after it, coded answers as their labels ("; " between several).
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var limits: InputLimitOptions
    @Argument(help: "Roster file.") var file: String
    @Option(help: "The partner agency that sent the file.") var partner: String
    @Option(help: "Make every imported participant an active member of this panel.") var panel: String?
    @Flag(help: "Report what would happen; write nothing.") var dryRun = false
    @Flag(help: "Import the valid rows even when some are rejected.") var skipInvalid = false
    @Option(help: ArgumentHelp("Triple-S: participant fields from variables (fields: id, name, email, phone, locale, timeZone).",
                               valueName: "field=VARIABLE,..."))
    var map: [String] = []
    @Option(help: ArgumentHelp("Triple-S: a file of field=VARIABLE lines.", valueName: "file")) var mapFile: String?

    func run() throws {
        if TripleSReader.accepts(path: file) { return try runTripleS() }
        guard map.isEmpty && mapFile == nil else { throw RoundtableError.usage("--map and --map-file apply to Triple-S (.sss) files only") }
        let database = try workspace.open()
        let digest = try FileDigest(path: file, maxSize: limits.maxSize)
        let reader = try RosterReader(path: file, maxSize: limits.maxSize, partner: partner)
        let progress = Progress(label: "importing \(PathName.lastComponent(of: file))")
        let options = RosterImportOptions(partner: partner, fileName: PathName.lastComponent(of: file), panel: panel,
                                          dryRun: dryRun, skipInvalid: skipInvalid)
        let report = try database.importRoster(options, sha256: digest.value) { deliver in
            try reader.readAhead { item in
                try deliver(item)
                progress.step()
            }
        }
        progress.finish()
        reader.warningMessages.forEach(Console.warning)
        try summarize(report, file: file)
    }

    /// Triple-S: the rows come from the data file beside the `.sss`, which the batch records and
    /// rejected rows' lines refer to.
    private func runTripleS() throws {
        let reader = try TripleSReader(path: file, mapping: TripleSMapping(flags: map, file: mapFile), maxSize: limits.maxSize)
        let database = try workspace.open()
        let digest = try FileDigest(path: reader.dataPath, maxSize: limits.maxSize)
        let progress = Progress(label: "importing \(PathName.lastComponent(of: reader.dataPath))")
        let options = RosterImportOptions(partner: partner, fileName: PathName.lastComponent(of: reader.dataPath), panel: panel,
                                          dryRun: dryRun, skipInvalid: skipInvalid)
        let report = try database.importRoster(options, sha256: digest.value) { deliver in
            try reader.read { item in
                try deliver(item)
                progress.step()
            }
        }
        progress.finish()
        reader.warningMessages.forEach(Console.warning)
        try summarize(report, file: reader.dataPath)
    }

    private func summarize(_ report: RosterImportReport, file: String) throws {
        for row in report.rejected {
            let line = "\(file):\(row.line): \(row.message)"
            if report.committed { Console.warning("skipped " + line) } else { Console.error(line) }
        }
        let duplicates = report.committed || dryRun ? report.possibleDuplicates : []
        for duplicate in duplicates {
            let outcome = report.committed ? "imported as \(duplicate.participant)" : "would be imported as a new participant"
            Console.warning("\(file):\(duplicate.line): possible duplicate of \(duplicate.existing) (\(duplicate.existingName)): "
                            + "same e-mail; \(outcome)")
        }
        let counted = "\(report.new) new, \(report.updated) updated, \(report.unchanged) unchanged"
            + (report.forgottenSkipped > 0 ? ", \(report.forgottenSkipped) forgotten (not re-imported)" : "")
            + ", \(report.rejected.count) rejected"
        let doubted = Set(duplicates.map(\.participant)).count
        let counts = counted + (doubted == 0 ? "" : ", \(doubted) possible duplicate\(doubted == 1 ? "" : "s")")
        if dryRun {
            Console.print("dry run, nothing written: would import \(counts)")
        } else if report.committed {
            let nothing = report.new == 0 && report.updated == 0 ? " (nothing changed)" : ""
            Console.print("imported batch \(report.batchId.map(String.init) ?? "?") from \(partner): \(counts)\(nothing)")
        }
        if !report.committed && !dryRun {
            let rows = report.rejected.count == 1 ? "1 rejected row" : "\(report.rejected.count) rejected rows"
            throw RoundtableError.rule("\(rows); nothing imported (fix them, or give --skip-invalid)")
        }
    }
}

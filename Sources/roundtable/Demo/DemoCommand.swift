import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create (or recreate) a demo workspace from templates/demo, show the upcoming schedule and a "
            + "session report, and export a coded transcript and an HTML panel report.")

    @Option(help: ArgumentHelp("Where to create the demo workspace.", valueName: "path"))
    var db: String = "demo.sqlite"

    func run() throws {
        let demo = try DemoWorkspace.load(from: try TemplateFolder.locate("demo"))
        // Only a workspace is ever replaced: a mistyped --db must not delete someone's other file.
        try AppDatabase.checkIdentity(path: db)
        for suffix in ["", "-wal", "-shm"] {
            guard unlink(db + suffix) == 0 || errno == ENOENT else {
                throw RoundtableError(.cannotCreateOutput, "cannot replace \(db + suffix): \(SystemError.describe(errno))")
            }
        }
        let workspace = try AppDatabase.open(path: db, busyTimeout: try WorkspaceOptions.busyTimeout(),
                                             clock: try WorkspaceOptions.clock())
        let summary = try workspace.loadDemo(demo)
        let codebook = try CodebookReader(path: try TemplateFolder.locate("codebooks")
            .appendingPathComponent(demo.research.codebook).path).read()
        var transcriptReport: TranscriptImportReport?
        let research = try workspace.loadDemoResearch(demo.research, codebook: codebook, people: summary.people) { session in
            // The same path as `transcript import`: the demo's transcript is a Teams WebVTT file.
            let path = demo.research.transcriptPath
            let head = try InputFile.head(of: path, count: 4096, maxSize: NativeFormat.defaultMaxSize)
            let imported = try TranscriptImport.Importing(
                file: path, format: TranscriptFormat.detect(head: head),
                sha256: try FileDigest(path: path, maxSize: NativeFormat.defaultMaxSize).value(), replace: false,
                mappings: [], maxSize: NativeFormat.defaultMaxSize).run(session: session, database: workspace)
            transcriptReport = imported.report
            return imported.report.utterances
        }
        Console.print("Demo workspace \(db): \(summary.moderators) moderators, \(summary.panels) panels, "
                      + "\(summary.participants) participants, \(summary.sessions) sessions, \(summary.seats) seats;")
        let cues = transcriptReport.map { " (from \($0.cues) Teams WebVTT cues)" } ?? ""
        Console.print("\(research.concepts) concepts with \(research.reactions) reactions, a transcript of \(research.utterances) "
                      + "utterances\(cues) with \(research.codings) codings by two coders, \(research.notes) notes, "
                      + "\(research.comments) comment cards, \(research.surveys) survey answers.")
        Console.print()
        Console.print("Upcoming sessions (each in its own time zone):")
        let upcoming = try workspace.sessions(SessionFilter(upcoming: true))
        Console.print(SessionTable.render(upcoming, viewer: nil))
        let reported = research.transcriptSession
        if let busiest = upcoming.max(by: { $0.takenSeats < $1.takenSeats }), let last = upcoming.last {
            Console.print()
            Console.print("""
                Try:
                  swift run roundtable session show \(busiest.session.key) --db \(db)
                  swift run roundtable session list --upcoming --tz Europe/Oslo --db \(db)
                  swift run roundtable participant eligible --for-session \(last.session.key) --explain --db \(db)
                  swift run roundtable transcript search soderstrom --db \(db)
                  swift run roundtable concept show round-ups --db \(db)
                  swift run roundtable export transcript \(reported) --pseudonymize --db \(db)
                  swift run roundtable code agreement --session \(reported) --db \(db)
                  swift run roundtable report codes --session \(reported) --by participant --db \(db)
                """)
        }
        Console.print()
        Console.print("Report of the session just held (roundtable report session \(reported) --db \(db)):")
        Console.print()
        let sessionReport = try workspace.sessionReport(reported)
        Console.print(SessionReportText.render(sessionReport, zone: nil))
        Console.print()
        Console.print(Self.agreementLine(try workspace.codingAgreement(session: reported)))
        let transcriptPath = try OutputFileOptions.defaultPath(stem: "transcript-\(reported)", extension: "xml", now: workspace.clock())
        let writer = try TranscriptWriter(destination: transcriptPath)
        try workspace.exportTranscript(reported, pseudonymize: false, to: writer)
        try writer.finish()
        Console.print()
        Console.print("Coded transcript of \(reported) (\(writer.count) utterances): \(transcriptPath)")
        // Quarters are counted in the zone the panel meets in, as its report would be read there.
        let panel = try workspace.panelReport(Self.reportedPanel, since: nil, zone: sessionReport.details.session.zone,
                                              topCodes: 5, quotes: 2)
        let reportPath = try OutputFileOptions.defaultPath(stem: "report-panel-\(Self.reportedPanel)", extension: "html",
                                                           now: workspace.clock())
        try OutputFile.write(Data(try HTMLReport.render(PanelReportHTML(panel, zone: nil, now: workspace.clock()),
                                                        template: "panel.html").utf8), to: reportPath)
        Console.print("Panel report of \(Self.reportedPanel) with charts, to open in a browser or print: \(reportPath)")
    }

    /// The panel whose HTML report the demo writes.
    static let reportedPanel = "helsinki-pool"

    /// One sentence on how far the transcript's coders agree, pooled over every code.
    static func agreementLine(_ report: AgreementReport) -> String {
        let overall = report.overall
        let kappa = overall.kappa.map { ", Cohen's κ \(CodeAgreement.decimal($0.value))" } ?? ""
        return "Coders \(report.coders.joined(separator: " and ")) agree on "
            + "\(overall.percent.percent.map { String(format: "%.1f", $0) } ?? "—")% of \(report.utterances) coded utterances × "
            + "\(report.codes.count) codes\(kappa), Krippendorff's α \(CodeAgreement.decimal(overall.alpha.value)); "
            + "\(report.disagreements.count) disagreements (roundtable code agreement --session \(report.session.key))."
    }
}

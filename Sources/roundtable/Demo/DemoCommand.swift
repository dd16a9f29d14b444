import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create (or recreate) a demo workspace from templates/demo, show the upcoming schedule and a "
            + "session report, and export a coded transcript.")

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
        let research = try workspace.loadDemoResearch(demo.research, codebook: codebook, people: summary.people)
        Console.print("Demo workspace \(db): \(summary.moderators) moderators, \(summary.panels) panels, "
                      + "\(summary.participants) participants, \(summary.sessions) sessions, \(summary.seats) seats;")
        Console.print("\(research.concepts) concepts with \(research.reactions) reactions, a transcript of \(research.utterances) "
                      + "utterances with \(research.codings) codings, \(research.notes) notes, \(research.comments) comment cards, "
                      + "\(research.surveys) survey answers.")
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
                """)
        }
        Console.print()
        Console.print("Report of the session just held (roundtable report session \(reported) --db \(db)):")
        Console.print()
        Console.print(SessionReportText.render(try workspace.sessionReport(reported), zone: nil))
        let transcriptPath = try OutputFileOptions.defaultPath(stem: "transcript-\(reported)", extension: "xml", now: workspace.clock())
        let writer = try TranscriptWriter(destination: transcriptPath)
        try workspace.exportTranscript(reported, pseudonymize: false, to: writer)
        try writer.finish()
        Console.print()
        Console.print("Coded transcript of \(reported) (\(writer.count) utterances): \(transcriptPath)")
    }
}

import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create (or recreate) a demo workspace from templates/demo and show the upcoming schedule.")

    @Option(help: ArgumentHelp("Where to create the demo workspace.", valueName: "path"))
    var db: String = "demo.sqlite"

    func run() throws {
        let demo = try DemoWorkspace.load(from: try TemplateFolder.locate("demo"))
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            do {
                try FileManager.default.removeItem(atPath: db + suffix)
            } catch {
                throw RoundtableError(.cannotCreateOutput, "cannot replace \(db + suffix): \(error.localizedDescription)")
            }
        }
        let workspace = try AppDatabase.open(path: db, busyTimeout: try WorkspaceOptions.busyTimeout(),
                                             clock: try WorkspaceOptions.clock())
        let summary = try workspace.loadDemo(demo)
        Console.print("Demo workspace \(db): \(summary.moderators) moderators, \(summary.panels) panels, "
                      + "\(summary.participants) participants, \(summary.sessions) sessions, \(summary.seats) seats.")
        Console.print()
        Console.print("Upcoming sessions (each in its own time zone):")
        let upcoming = try workspace.sessions(SessionFilter(upcoming: true))
        Console.print(SessionTable.render(upcoming, viewer: nil))
        guard let busiest = upcoming.max(by: { $0.takenSeats < $1.takenSeats }), let last = upcoming.last else { return }
        Console.print()
        Console.print("""
            Try:
              swift run roundtable session show \(busiest.session.key) --db \(db)
              swift run roundtable session list --upcoming --tz Europe/Oslo --db \(db)
              swift run roundtable participant eligible --for-session \(last.session.key) --explain --db \(db)
            """)
    }
}

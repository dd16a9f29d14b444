import Foundation
import GRDB
import Testing

@Suite("Two moderators at once")
struct ConcurrencyCLITests {
    @Test func racingSchedulesForOneModeratorBookExactlyOnce() throws {
        let cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        let starts = ["10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "09:30", "09:45"]
        let running = try starts.map { start in
            try cli.start(["session", "schedule", "--title", "Race \(start)", "--start", "2027-03-28T\(start)+03:00",
                           "--duration", "2h", "--moderator", "M-0001", "--capacity", "6"])
        }
        let results = running.map { $0.finish() }
        #expect(results.filter { $0.status == 0 }.count == 1)
        for failed in results where failed.status != 0 {
            #expect(failed.status == 65 || failed.status == 75, "\(failed.stderr)")
            if failed.status == 65 { #expect(failed.stderr.contains("is already in S-0001")) }
        }
        let queue = try DatabaseQueue(path: cli.databasePath)
        let (integrity, sessions) = try queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session"))
        }
        #expect(integrity == "ok")
        #expect(sessions == 1)
    }

    @Test func aLockedWorkspaceExits75() throws {
        var cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        cli.environment["ROUNDTABLE_BUSY_TIMEOUT"] = "0.2"
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let result = try cli.run("moderator", "add", "Mikael Söderström", "--email", "mikael@example.fi", "--tz",
                                     "Europe/Helsinki")
            try db.execute(sql: "ROLLBACK")
            #expect(result.status == 75)
            #expect(result.stderr.hasPrefix("error: the workspace is busy"))
        }
    }
}

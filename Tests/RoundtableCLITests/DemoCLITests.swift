import Foundation
import Testing

@Suite("The demo a new user runs first")
struct DemoCLITests {
    @Test func demoPrintsTheUpcomingSchedule() throws {
        let cli = try CLI()
        let result = try cli.run("demo")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, against: "demo.txt")
        let again = try cli.run("demo")
        #expect(again.stdout == result.stdout, "the demo recreates its workspace rather than adding to it")
    }

    @Test func workspaceFilesAreReadableByTheOwnerOnly() throws {
        let cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.databasePath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        _ = try cli.key("demo")
        let demo = try FileManager.default.attributesOfItem(atPath: cli.folder.appendingPathComponent("demo.sqlite").path)
        #expect((demo[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func demoEligibilityExplainsEveryExclusion() throws {
        let cli = try CLI()
        _ = try cli.key("demo")
        let result = try cli.run("participant", "eligible", "--for-session", "S-0006", "--explain", "--db", "demo.sqlite")
        #expect(result.status == 0)
        #expect(result.stdout.contains("do-not-contact is set"))
        #expect(result.stdout.contains("no contact consent given"))
        #expect(result.stdout.contains("cool-down: focus group S-0001"))
        try Golden.check(result.stdout, against: "demo-eligible-explain.txt")
    }
}

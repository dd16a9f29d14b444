import Foundation
import Testing

@Suite("Scheduling from the command line")
struct SchedulingCLITests {
    let cli: CLI

    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        _ = try cli.key("moderator", "add", "Øystein Berg", "--email", "oystein@example.no", "--tz", "Europe/Oslo")
    }

    func schedule(_ start: String, moderator: String = "M-0001", room: String? = nil, duration: String = "90m") throws -> CLI.Result {
        var arguments = ["session", "schedule", "--title", "Concept test", "--start", start, "--duration", duration,
                         "--moderator", moderator, "--capacity", "8"]
        if let room { arguments += ["--room", room] }
        return try cli.start(arguments).finish()
    }

    @Test func schedulingPrintsTheNewKey() throws {
        let result = try schedule("2027-03-28T10:00+03:00")
        #expect(result.status == 0)
        #expect(result.stdout == "S-0001\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func moderatorClashExits65NamingTheSession() throws {
        #expect(try schedule("2027-03-28T10:00+03:00").status == 0)
        let clash = try schedule("2027-03-28T11:00+03:00")
        #expect(clash.status == 65)
        #expect(clash.stderr.hasPrefix("error: moderator M-0001 (Aino Virtanen) is already in S-0001"))
        #expect(clash.stdout.isEmpty)
        #expect(try schedule("2027-03-28T11:30+03:00").status == 0, "back to back is not a clash")
    }

    @Test func roomClashIsCaseInsensitive() throws {
        #expect(try schedule("2027-03-28T10:00+03:00", room: "Sali 1").status == 0)
        let clash = try schedule("2027-03-28T10:30+03:00", moderator: "M-0002", room: "sali 1")
        #expect(clash.status == 65)
        #expect(clash.stderr.contains("room 'sali 1' is already in S-0001"))
    }

    @Test(arguments: ["tomorrow", "2027-02-30 10:00", "2027-03-28T25:00+03:00", "28.3.2027 10:00"])
    func badDateExits64WithAClearMessage(_ text: String) throws {
        let result = try schedule(text)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains(text))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func unknownKeysExit65() throws {
        for arguments in [["session", "show", "S-0042"], ["participant", "show", "P-000042"],
                          ["panel", "show", "no-such-panel"], ["session", "cancel", "S-0009", "--reason", "x"]] {
            let result = try cli.start(arguments).finish()
            #expect(result.status == 65, "\(arguments)")
            #expect(result.stderr.hasPrefix("error: no "), "\(arguments)")
        }
        let wrongKind = try cli.run("session", "show", "P-000001")
        #expect(wrongKind.status == 64)
    }

    @Test func attendanceOnACancelledSessionIsRefused() throws {
        _ = try cli.key("participant", "add", "--name", "Sofia Lindqvist")
        _ = try cli.key("participant", "consent", "P-000001", "--scope", "contact", "--given")
        #expect(try schedule("2026-11-30T10:00+02:00").status == 65, "a past start needs --allow-past")
        _ = try cli.key("session", "schedule", "--title", "Past", "--start", "2026-11-30T10:00+02:00", "--duration", "1h",
                        "--moderator", "M-0001", "--capacity", "4", "--allow-past")
        _ = try cli.key("session", "invite", "S-0001", "P-000001")
        _ = try cli.key("session", "cancel", "S-0001", "--reason", "Moderator ill")
        let result = try cli.run("session", "attend", "S-0001", "P-000001")
        #expect(result.status == 65)
        #expect(result.stderr == "error: cannot record attendance for S-0001: it is cancelled\n")
    }

    @Test func ineligibleInviteNamesTheRuleAndInvitesNobody() throws {
        _ = try cli.key("participant", "add", "--name", "Matti Järvinen")
        _ = try cli.key("participant", "add", "--name", "Liisa Pöysti")
        _ = try cli.key("participant", "consent", "P-000001", "--scope", "contact", "--given")
        #expect(try schedule("2027-03-28T10:00+03:00").status == 0)
        let result = try cli.run("session", "invite", "S-0001", "P-000001", "P-000002")
        #expect(result.status == 65)
        #expect(result.stderr.contains("P-000002") && result.stderr.contains("no contact consent"))
        let show = try cli.run("session", "show", "S-0001", "--format", "json")
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect((shown["participants"] as? [Any])?.isEmpty == true, "nobody was invited")
    }
}

import Foundation
import Testing

@Suite("Concepts from the command line")
struct ConceptCLITests {
    let cli: CLI

    /// S-0001 happened yesterday: P-000001 and P-000002 attended, P-000003 did not show.
    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        for name in ["Sofia Lindqvist", "Øystein Berg", "Matti Järvinen"] {
            let key = try cli.key("participant", "add", "--name", name)
            _ = try cli.key("participant", "consent", key, "--scope", "contact", "--given")
        }
        _ = try cli.key("session", "schedule", "--title", "Delivery concepts", "--start", "2026-11-30T10:00+02:00",
                        "--duration", "90m", "--moderator", "M-0001", "--capacity", "6", "--allow-past")
        _ = try cli.key("session", "invite", "S-0001", "P-000001", "P-000002", "P-000003")
        for person in ["P-000001", "P-000002", "P-000003"] { _ = try cli.key("session", "rsvp", "S-0001", person, "--yes") }
        _ = try cli.key("session", "attend", "S-0001", "P-000001", "P-000002", "--no-show", "P-000003")
        #expect(try cli.key("concept", "add", "eco-box", "--title", "Eco box", "--version", "v2") == "eco-box")
        #expect(try cli.key("concept", "add", "pay-later", "--title", "Pay later") == "pay-later")
        #expect(try cli.key("concept", "add", "family-plan", "--title", "Family plan",
                            "--description", "One subscription for the household") == "family-plan")
    }

    @Test func presentReactAndShowScores() throws {
        let order = try cli.key("concept", "present", "S-0001", "pay-later", "eco-box", "family-plan", "--rotate")
        #expect(order == "S-0001 shows: 1 eco-box, 2 family-plan, 3 pay-later")
        #expect(try cli.key("concept", "react", "S-0001", "eco-box", "P-000001", "--appeal", "4", "--intent", "3",
                            "--recommend", "10", "--expectation", "-2", "--comment", "Hyvä idea") == "R-0001")
        #expect(try cli.key("concept", "react", "S-0001", "eco-box", "P-000002", "--appeal", "2", "--intent", "2",
                            "--recommend", "3") == "R-0002")
        let again = try cli.run("concept", "react", "S-0001", "eco-box", "P-000002", "--appeal", "5", "--intent", "4",
                                "--recommend", "7", "--expectation", "1", "--replace")
        #expect(again.status == 0)
        #expect(again.stdout == "R-0002\n", "a second answer replaces the first and keeps its key")
        #expect(again.stderr == """
            warning: replaced P-000002's reaction to eco-box in S-0001 (R-0002): appeal 2 → 5, intent 2 → 4, \
            recommend 3 → 7, expectation none → +1

            """)

        let show = try cli.run("concept", "show", "eco-box", "--format", "json")
        #expect(show.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(json["key"] as? String == "eco-box")
        #expect(json["version"] as? String == "v2")
        let scores = try #require(json["scores"] as? [String: Any])
        #expect(scores["n"] as? Int == 2)
        let nps = try #require(scores["nps"] as? [String: Any])
        #expect(nps["score"] as? Double == 50 && nps["n"] as? Int == 2)
        #expect((scores["appeal"] as? [String: Any])?["mean"] as? Double == 4.5)
        #expect((scores["intent"] as? [String: Any])?["mean"] as? Double == 3.5)
        #expect((scores["appeal"] as? [String: Any])?.keys.sorted() == ["high", "low", "mean", "n", "sd"])
        let expectation = try #require(scores["expectation"] as? [String: Int])
        #expect(expectation == ["n": 2, "missed": 1, "met": 0, "exceeded": 1])
        let sessions = try #require(json["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["key"] as? String } == ["S-0001"])
        #expect(sessions.map { $0["position"] as? Int } == [1])

        let unanswered = try cli.run("concept", "show", "pay-later", "--format", "json")
        let empty = try #require(try JSONSerialization.jsonObject(with: Data(unanswered.stdout.utf8)) as? [String: Any])
        #expect(((empty["scores"] as? [String: Any])?["nps"] as? [String: Any])?["score"] is NSNull)

        let table = try cli.run("concept", "show", "eco-box")
        #expect(table.stdout.hasPrefix("eco-box  Eco box  (v2)\n"))
        let all = try #require(table.stdout.split(separator: "\n").last)
        #expect(all.hasPrefix("all ") && all.contains("4.5 ±") && all.contains("+50") && all.hasSuffix("1/0/1"))

        let list = try cli.run("concept", "list")
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) } == [
            ["KEY", "TITLE", "VERSION", "SESSIONS", "REACTIONS"],
            ["eco-box", "Eco", "box", "v2", "1", "2"],
            ["family-plan", "Family", "plan", "1", "0"],
            ["pay-later", "Pay", "later", "1", "0"],
        ])
    }

    @Test func refusalsExitWithOneLine() throws {
        _ = try cli.key("concept", "present", "S-0001", "eco-box")
        let noShow = try cli.run("concept", "react", "S-0001", "eco-box", "P-000003", "--appeal", "4", "--intent", "4",
                                 "--recommend", "8")
        #expect(noShow.status == 65)
        #expect(noShow.stderr == "error: P-000003 cannot react in S-0001: their seat is no-show, not attended\n")
        #expect(noShow.stdout.isEmpty)

        let outOfScale = try cli.run("concept", "react", "S-0001", "eco-box", "P-000001", "--appeal", "9", "--intent", "4",
                                     "--recommend", "8")
        #expect(outOfScale.status == 64)
        #expect(outOfScale.stderr == "error: --appeal must be 1–5, not 9\n")

        let notShown = try cli.run("concept", "react", "S-0001", "pay-later", "P-000001", "--appeal", "4", "--intent", "4",
                                   "--recommend", "8")
        #expect(notShown.status == 65)
        #expect(notShown.stderr == "error: concept pay-later was not presented in S-0001\n")

        let duplicate = try cli.run("concept", "add", "eco-box", "--title", "Again")
        #expect(duplicate.status == 65)
        #expect(duplicate.stderr == "error: concept eco-box already exists\n")

        let unknown = try cli.run("concept", "show", "no-such")
        #expect(unknown.status == 65)
        #expect(unknown.stderr == "error: no concept no-such in this workspace\n")
    }
}

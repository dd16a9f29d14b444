import Foundation
import Testing

/// `report concept` and `report panel` end to end: tables, JSON with every key, exit statuses.
@Suite("Concept and panel reports from the command line")
struct ReportStatisticsCLITests {
    let cli: CLI

    /// nordic-pool's S-0001 happened yesterday: P-000001…P-000003 attended and rated eco-box (shown
    /// first) and pay-later; P-000004 did not show. P-000001 allows quotes, P-000002 does not.
    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        _ = try cli.key("panel", "create", "nordic-pool", "--name", "Nordic pool", "--kind", "pool")
        let segments = ["segment=SMB", "segment=SMB", "city=Turku", "city=Oslo"]
        for (name, attribute) in zip(["Sofia Lindqvist", "Øystein Berg", "Matti Järvinen", "Aino Äijälä"], segments) {
            let key = try cli.key("participant", "add", "--name", name, "--attr", attribute)
            _ = try cli.key("participant", "consent", key, "--scope", "contact", "--given")
            _ = try cli.key("panel", "add-member", "nordic-pool", key)
        }
        _ = try cli.key("participant", "consent", "P-000001", "--scope", "quotes", "--given")
        _ = try cli.key("session", "schedule", "--title", "Delivery concepts", "--start", "2026-11-30T10:00+02:00",
                        "--duration", "90m", "--moderator", "M-0001", "--capacity", "6", "--panel", "nordic-pool", "--allow-past")
        _ = try cli.key("session", "invite", "S-0001", "P-000001", "P-000002", "P-000003", "P-000004")
        for person in ["P-000001", "P-000002", "P-000003", "P-000004"] { _ = try cli.key("session", "rsvp", "S-0001", person, "--yes") }
        _ = try cli.key("session", "attend", "S-0001", "P-000001", "P-000002", "P-000003", "--no-show", "P-000004")
        _ = try cli.key("session", "complete", "S-0001")
        _ = try cli.key("concept", "add", "eco-box", "--title", "Eco box", "--version", "v2")
        _ = try cli.key("concept", "add", "pay-later", "--title", "Pay later")
        _ = try cli.key("concept", "present", "S-0001", "eco-box", "pay-later")
        // Appeal eco-box 5, 4, 2 against pay-later 3, 4, 1: differences 2, 0, 1.
        for (person, eco, pay, recommend) in [("P-000001", "5", "3", "10"), ("P-000002", "4", "4", "9"), ("P-000003", "2", "1", "3")] {
            _ = try cli.key("concept", "react", "S-0001", "eco-box", person, "--appeal", eco, "--intent", "4", "--recommend", recommend,
                            "--expectation", "1")
            _ = try cli.key("concept", "react", "S-0001", "pay-later", person, "--appeal", pay, "--intent", "2", "--recommend", "6")
        }
        _ = try cli.key("code", "add", "Price")
        for (speaker, text) in [("P-000001", "Cheaper than my bus card"), ("P-000002", "Too dear")] {
            let utterance = try cli.key("transcript", "add", "S-0001", "--speaker", speaker, text)
            _ = try cli.key("code", "apply", "Price", "--utterance", utterance)
        }
        _ = try cli.key("note", "add", "S-0001", "--kind", "action", "Send the price sheet")
        _ = try cli.key("survey", "record", "P-000001", "--session", "S-0001", "--quality", "5", "--speed", "4", "--price", "3",
                        "--trust", "5", "--recommend", "9")
    }

    func json(_ result: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("report concept: by session and by segment, means, top-2-box and NPS with intervals")
    func conceptTable() throws {
        let result = try cli.run("report", "concept", "eco-box", "--by", "segment")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == """
            eco-box — Eco box (v2)
            Shown in 1 session
            Means with 95% t intervals; 4-5 = top-2-box share with 95% Wilson interval; NPS with 95% interval;
            EXP = expectation missed/met/exceeded.

            SESSION  POS  START             N  APPEAL           APPEAL 4-5    INTENT          INTENT 4-5      NPS              EXP -/=/+
            S-0001   1    2026-11-30 10:00  3  3.7 [-0.1, 7.5]  67% [21, 94]  4.0 [4.0, 4.0]  100% [44, 100]  +33 [-73, +100]  0/0/3
            all                             3  3.7 [-0.1, 7.5]  67% [21, 94]  4.0 [4.0, 4.0]  100% [44, 100]  +33 [-73, +100]  0/0/3

            By segment
            SEGMENT  N  APPEAL            APPEAL 4-5      INTENT          INTENT 4-5      NPS                EXP -/=/+
            SMB      2  4.5 [-1.9, 10.9]  100% [34, 100]  4.0 [4.0, 4.0]  100% [34, 100]  +100 [+100, +100]  0/0/2
            (none)   1  2.0               0% [0, 79]      4.0             100% [21, 100]  -100 [-100, -100]  0/0/1

            """)
        let none = try cli.run("report", "concept", "eco-box", "--since", "2026-12-01", "--tz", "Europe/Helsinki")
        #expect(none.status == 0)
        #expect(none.stdout.contains("Shown in 0 sessions, since 2026-12-01 00:00\nnot presented in any matching session"))
    }

    @Test("report concept --format json: every key present, nulls where undefined, instants in UTC and local")
    func conceptJSON() throws {
        let result = try cli.run("report", "concept", "eco-box", "--panel", "nordic-pool", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result)
        #expect(report["panel"] as? String == "nordic-pool")
        #expect(report["since"] is NSNull && report["by"] is NSNull, "unset filters are null, not missing")
        #expect((report["groups"] as? [Any])?.isEmpty == true)
        #expect(report["description"] is NSNull && report["version"] as? String == "v2")
        let scores = try #require(report["scores"] as? [String: Any])
        let appeal = try #require(scores["appeal"] as? [String: Any])
        #expect(appeal["mean"] as? Double == 3.6667 && appeal["low"] as? Double == -0.1279 && appeal["high"] as? Double == 7.4612)
        let topTwo = try #require(scores["appealTopTwo"] as? [String: Any])
        #expect(topTwo["count"] as? Int == 2 && topTwo["low"] as? Double == 0.2077 && topTwo["high"] as? Double == 0.9385)
        // NPS: 2 promoters, 1 detractor of 3: 33.33 ± 196·√((1 − 1/9)/3) points, the top clipped at 100.
        let nps = try #require(scores["nps"] as? [String: Any])
        #expect(nps["score"] as? Double == 33.3333 && nps["low"] as? Double == -73.3536 && nps["high"] as? Double == 100)
        let session = try #require((report["sessions"] as? [[String: Any]])?.first)
        #expect(session["start"] as? String == "2026-11-30T08:00:00Z" && session["localStart"] as? String == "2026-11-30T10:00:00+02:00")
        #expect(session["position"] as? Int == 1)
    }

    @Test("report panel: attendance, concepts, exact paired test, order, quarter, quotes with consent, actions")
    func panelTable() throws {
        let result = try cli.run("report", "panel", "nordic-pool", "--tz", "Europe/Helsinki")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            nordic-pool — Nordic pool (pool)
            Sessions: 1, held 1
            Attendance: 3 attended, 1 no-show (no-show rate 25%)

            Concepts (means with 95% t intervals; 4-5 = top-2-box with 95% Wilson interval; NPS with 95% interval)
              CONCEPT    N  APPEAL           APPEAL 4-5    NPS
              eco-box    3  3.7 [-0.1, 7.5]  67% [21, 94]  +33 [-73, +100]
              pay-later  3  2.7 [-1.1, 6.5]  33% [6, 79]   -100 [-100, -100]

            Paired comparisons on appeal (same people, same session; Wilcoxon signed-rank, two-sided)
              eco-box vs pay-later: 3 pairs (1 equal, dropped); appeal 3.7 vs 2.7; W = 0, p = 0.500 (exact)

            Order check: appeal by position shown
              POSITION  N  APPEAL
              1         3  3.7 [-0.1, 7.5]
              2         3  2.7 [-1.1, 6.5]

            Satisfaction survey by quarter (means with 95% t intervals; NPS with 95% interval)
              QUARTER  N  QUALITY  SPEED  PRICE  TRUST  NPS
              2026-Q4  1  5.0      4.0    3.0    5.0    +100 [+100, +100]

            Top codes
              Price (2) — 1 quote withheld (no quotes consent)
                “Cheaper than my bus card” — Sofia Lindqvist, U-000001

            Actions
              N-0001  S-0001  open, raised 2026-12-01 11:00  Send the price sheet

            """)
        _ = try cli.key("note", "close", "N-0001")
        let closed = try cli.run("report", "panel", "nordic-pool", "--tz", "Europe/Oslo")
        #expect(closed.stdout.hasSuffix("  N-0001  S-0001  raised 2026-12-01 10:00 → done 2026-12-01 10:00  Send the price sheet\n"))
    }

    @Test("report panel --format json: the test's W, n and p, nulls kept, actions with local times")
    func panelJSON() throws {
        let result = try cli.run("report", "panel", "nordic-pool", "--format", "json", "--tz", "Europe/Helsinki")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result)
        #expect(report["since"] is NSNull)
        #expect(report["quarterTimeZone"] as? String == "Europe/Helsinki")
        let attendance = try #require(report["attendance"] as? [String: Any])
        #expect(attendance["noShowRate"] as? Double == 0.25 && attendance["held"] as? Int == 1)
        let pair = try #require((report["comparisons"] as? [[String: Any]])?.first)
        #expect(pair["w"] as? Double == 0 && pair["n"] as? Int == 2 && pair["zeros"] as? Int == 1 && pair["pairCount"] as? Int == 3)
        #expect(pair["pValue"] as? Double == 0.5 && pair["method"] as? String == "exact" && pair["z"] is NSNull)
        let quarter = try #require((report["quarters"] as? [[String: Any]])?.first)
        let price = try #require(quarter["price"] as? [String: Any])
        #expect(price["mean"] as? Double == 3 && price["low"] is NSNull && price["sd"] is NSNull)
        let code = try #require((report["topCodes"] as? [[String: Any]])?.first)
        #expect(code["withheld"] as? Int == 1 && (code["quotes"] as? [Any])?.count == 1)
        let action = try #require((report["actions"] as? [[String: Any]])?.first)
        #expect(action["status"] as? String == "open" && action["closedAt"] is NSNull && action["localClosedAt"] is NSNull)
        #expect(action["createdAt"] as? String == "2026-12-01T09:00:00Z" && action["localCreatedAt"] as? String == "2026-12-01T11:00:00+02:00")
    }

    @Test("unknown concepts and panels exit 65, a missing workspace 66, bad options 64")
    func failures() throws {
        let concept = try cli.run("report", "concept", "nope")
        #expect(concept.status == 65 && concept.stderr == "error: no concept nope in this workspace\n" && concept.stdout.isEmpty)
        let panel = try cli.run("report", "concept", "eco-box", "--panel", "nope")
        #expect(panel.status == 65 && panel.stderr == "error: no panel nope in this workspace\n")
        #expect(try cli.run("report", "panel", "nope").status == 65)
        #expect(try cli.run("report", "panel", "nordic-pool", "--since", "2026-13-01").status == 64)
        #expect(try cli.run("report", "panel", "nordic-pool", "--top-codes", "0").status == 64)
        let missing = cli.folder.appendingPathComponent("missing.sqlite").path
        for arguments in [["report", "concept", "eco-box", "--db", missing], ["report", "panel", "nordic-pool", "--db", missing]] {
            let result = try cli.start(arguments).finish()
            #expect(result.status == 66, "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: missing), "a report never creates a workspace")
        }
    }
}

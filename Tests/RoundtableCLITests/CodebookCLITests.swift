import Foundation
import Testing

@Suite("Codebook, comment cards and surveys from the command line")
struct CodebookCLITests {
    let cli: CLI

    /// A moderator, a session on 2027-03-28, two participants (the first on nordic-pool and invited)
    /// and two utterances.
    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        _ = try cli.key("session", "schedule", "--title", "Delivery", "--start", "2027-03-28T10:00+03:00", "--duration", "90m",
                        "--moderator", "M-0001", "--capacity", "6")
        _ = try cli.key("panel", "create", "nordic-pool", "--name", "Nordic pool", "--kind", "pool")
        for name in ["Matti Järvinen", "Åsa Lindqvist"] { _ = try cli.key("participant", "add", "--name", name) }
        _ = try cli.key("participant", "consent", "P-000001", "--scope", "contact", "--given")
        _ = try cli.key("panel", "add-member", "nordic-pool", "P-000001")
        _ = try cli.key("session", "invite", "S-0001", "P-000001")
        _ = try cli.key("transcript", "add", "S-0001", "--speaker", "P-000001", "Yes, the delivery was slow 🐢")
        _ = try cli.key("transcript", "add", "S-0001", "--speaker", "Aino", "Did you call them?")
    }

    func json(_ arguments: String...) throws -> Any {
        let result = try cli.start(arguments).finish()
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func codesCommentsAndSurveysEndToEnd() throws {
        #expect(try cli.key("code", "add", "Channel", "--color", "#1F77B4", "--description", "How they reach us") == "Channel")
        #expect(try cli.key("code", "add", "Phone", "--parent", "channel") == "Channel/Phone")
        #expect(try cli.key("code", "add", "Speed") == "Speed")
        #expect(try cli.key("code", "apply", "Speed", "--utterance", "U-000001", "--from", "5", "--to", "26")
            == "Speed → U-000001 [5, 26): \"the delivery was slow\"")
        #expect(try cli.key("code", "apply", "Channel/Phone", "--utterance", "U-2")
            == "Channel/Phone → U-000002 [0, 18) whole text: \"Did you call them?\"")
        #expect(try cli.key("comment", "add", "--participant", "P-000001", "--panel", "nordic-pool", "--channel", "web",
                            "--rating", "4", "Hyvä palvelu") == "C-0001")
        #expect(try cli.key("comment", "add", "Anonymous note") == "C-0002")
        #expect(try cli.key("code", "apply", "speed", "--comment", "C-0001", "--from", "0", "--to", "4")
            == "Speed → C-0001 [0, 4): \"Hyvä\"")

        let list = try cli.run("code", "list")
        #expect(list.stdout == """
            CODE     COLOUR   CODINGS  DESCRIPTION
            Channel  #1f77b4  0        How they reach us
              Phone           1
            Speed             2

            """)
        let tree = try #require(try json("code", "list", "--format", "json") as? [[String: Any]])
        let children = try #require(tree.first?["children"] as? [[String: Any]])
        #expect(children.first?["path"] as? String == "Channel/Phone")
        #expect(children.first?["codingCount"] as? Int == 1)

        let cards = try #require(try json("comment", "list", "--panel", "nordic-pool", "--format", "json") as? [[String: Any]])
        #expect(cards.map { $0["key"] as? String } == ["C-0001"])
        #expect(cards.first?["participant"] as? String == "P-000001" && cards.first?["rating"] as? Int == 4)
        // Now is 2026-12-01T09:00Z, after midnight in Helsinki and before the next one.
        #expect(try cli.run("comment", "list", "--since", "2026-12-01", "--tz", "Europe/Helsinki").stdout.contains("C-0002"))
        #expect(try cli.run("comment", "list", "--since", "2026-12-02", "--tz", "Europe/Helsinki").stdout
            == "KEY  RECEIVED  PANEL  PARTICIPANT  CHANNEL  RATING  TEXT\n")

        #expect(try cli.key("survey", "record", "P-000001", "--session", "S-0001", "--quality", "4", "--speed", "3",
                            "--price", "2", "--trust", "5", "--recommend", "10", "--problems", "Slow")
            == "recorded survey answers from P-000001 for S-0001")
        _ = try cli.key("survey", "record", "P-000002", "--quality", "2", "--speed", "3", "--price", "4", "--trust", "5",
                        "--recommend", "8", "--needs", "Invoices in Swedish")
        // quality 4, 2: mean 3, s = √2, half-width t(1) 12.706 × √2 / √2 = 12.706.
        let summary = try cli.run("survey", "summary")
        #expect(summary.stdout == """
            DIMENSION  N  MEAN  95% INTERVAL
            quality    2  3.00  [-9.71, 15.71]
            speed      2  3.00  [3.00, 3.00]
            price      2  3.00  [-9.71, 15.71]
            trust      2  5.00  [5.00, 5.00]

            NPS       +50 (n=2; promoters 1, passives 1, detractors 0)
            problems  1 of 2 answers mention one
            needs     1 of 2 answers mention one

            """)
        let numbers = try #require(try json("survey", "summary", "--format", "json") as? [String: Any])
        #expect((numbers["nps"] as? [String: Any])?["score"] as? Double == 50)
        #expect((numbers["quality"] as? [String: Any])?["low"] as? Double == -9.7062)
        let panel = try #require(try json("survey", "summary", "--panel", "nordic-pool", "--format", "json") as? [String: Any])
        #expect(panel["n"] as? Int == 1 && (panel["nps"] as? [String: Any])?["score"] as? Double == 100)
    }

    @Test func outOfRangeAnswersExit64WithOneLine() throws {
        let survey = try cli.run("survey", "record", "P-000001", "--quality", "6", "--speed", "3", "--price", "2",
                                 "--trust", "5", "--recommend", "10")
        #expect(survey.status == 64)
        #expect(survey.stderr == "error: --quality must be 1–5, not 6\n")
        #expect(survey.stdout.isEmpty)
        let card = try cli.run("comment", "add", "--rating", "0", "Bad")
        #expect(card.status == 64)
        #expect(card.stderr == "error: --rating must be 1–5, not 0\n")
        _ = try cli.key("code", "add", "Speed")
        let span = try cli.run("code", "apply", "Speed", "--utterance", "U-000001", "--from", "20", "--to", "40")
        #expect(span.status == 65)
        #expect(span.stderr == "error: span 20..40 is outside U-000001 (28 characters)\n")
        let half = try cli.run("code", "apply", "Speed", "--utterance", "U-000001", "--from", "20")
        #expect(half.status == 64)
        #expect(half.stderr == "error: give both --from and --to for a span, or neither to code the whole text\n")
        #expect(try cli.run("survey", "summary", "--format", "json").stdout.contains("\"n\" : 0"))
    }
}

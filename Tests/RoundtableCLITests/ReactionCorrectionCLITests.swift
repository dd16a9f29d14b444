import Foundation
import Testing

/// `concept react` a second time: refused with the answer on record unless `--replace`, and a
/// replacement lists what it changes and removes. Negative answers are values, not flags.
@Suite("Correcting reactions from the command line")
struct ReactionCorrectionCLITests {
    let cli: CLI

    /// S-0001 happened yesterday and showed eco-box; P-000001 and P-000002 attended; P-000001
    /// reacted (R-0001) with a comment coded twice.
    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        for name in ["Sofia Lindqvist", "Øystein Berg"] {
            let key = try cli.key("participant", "add", "--name", name)
            _ = try cli.key("participant", "consent", key, "--scope", "contact", "--given")
        }
        _ = try cli.key("session", "schedule", "--title", "Delivery concepts", "--start", "2026-11-30T10:00+02:00",
                        "--duration", "90m", "--moderator", "M-0001", "--capacity", "6", "--allow-past")
        _ = try cli.key("session", "invite", "S-0001", "P-000001", "P-000002")
        for person in ["P-000001", "P-000002"] { _ = try cli.key("session", "rsvp", "S-0001", person, "--yes") }
        _ = try cli.key("session", "attend", "S-0001", "P-000001", "P-000002")
        _ = try cli.key("concept", "add", "eco-box", "--title", "Eco box")
        _ = try cli.key("concept", "present", "S-0001", "eco-box")
        #expect(try cli.key("concept", "react", "S-0001", "eco-box", "P-000001", "--appeal", "2", "--intent", "3",
                            "--recommend", "6", "--expectation", "-1", "--comment", "Liian kallis laatikko") == "R-0001")
        _ = try cli.key("code", "add", "Price")
        _ = try cli.key("code", "add", "Packaging")
        _ = try cli.key("code", "apply", "Price", "--reaction", "R-0001", "--from", "0", "--to", "12")
        _ = try cli.key("code", "apply", "Packaging", "--reaction", "R-0001")
    }

    func react(_ answers: String...) throws -> CLI.Result {
        try cli.start(["concept", "react", "S-0001", "eco-box", "P-000001"] + answers).finish()
    }

    func codings() throws -> [String] {
        try cli.run("code", "list").stdout.split(separator: "\n").dropFirst()
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
    }

    @Test func aSecondReactionIsRefusedWithTheOneOnRecord() throws {
        let again = try react("--appeal", "5", "--intent", "4", "--recommend", "9")
        #expect(again.status == 65)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr == """
            error: P-000001 already reacted to eco-box in S-0001: R-0001 (appeal 2, intent 3, recommend 6, \
            expectation -1, comment "Liian kallis laatikko"; 2 codings on the comment); give --replace to record \
            these answers instead

            """)
        #expect(try codings() == ["Price 1", "Packaging 1"])
        let json = try cli.run("concept", "show", "eco-box", "--format", "json").stdout
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let appeal = ((shown["scores"] as? [String: Any])?["appeal"] as? [String: Any])?["mean"] as? Double
        #expect(appeal == 2, "the first answer stands")
    }

    @Test func replacingKeepsTheCodingsOfAnUnchangedComment() throws {
        let replaced = try react("--appeal", "4", "--intent", "3", "--recommend", "6", "--expectation", "+1",
                                 "--comment", "Liian kallis laatikko", "--replace")
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout == "R-0001\n")
        #expect(replaced.stderr == """
            warning: replaced P-000001's reaction to eco-box in S-0001 (R-0001): appeal 2 → 4, expectation -1 → +1

            """)
        #expect(try codings() == ["Price 1", "Packaging 1"])
    }

    @Test func replacingTheCommentListsWhatItRemoves() throws {
        let replaced = try react("--appeal", "2", "--intent", "3", "--recommend", "6", "--comment", "Hyvä idea", "--replace")
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout == "R-0001\n")
        #expect(replaced.stderr == """
            warning: replaced P-000001's reaction to eco-box in S-0001 (R-0001): expectation -1 → none, \
            comment "Liian kallis laatikko" → "Hyvä idea"
            warning: removed coding Price [0, 12) "Liian kallis" of the old comment
            warning: removed coding Packaging [0, 21) "Liian kallis laatikko" of the old comment

            """)
        #expect(try codings() == ["Price 0", "Packaging 0"])
    }

    @Test(arguments: [
        (["--appeal", "-1", "--intent", "3", "--recommend", "6"], "--appeal must be 1–5, not -1"),
        (["--appeal=-1", "--intent", "3", "--recommend", "6"], "--appeal must be 1–5, not -1"),
        (["--appeal", "3", "--intent", "-2", "--recommend", "6"], "--intent must be 1–5, not -2"),
        (["--appeal", "3", "--intent", "3", "--recommend", "-1"], "--recommend must be 0–10, not -1"),
        (["--appeal", "3", "--intent", "3", "--recommend", "6", "--expectation", "-3"],
         "--expectation must be from -2 to +2, not -3"),
        (["--appeal", "3", "--intent", "3", "--recommend", "6", "--expectation=3"], "--expectation must be from -2 to +2, not 3"),
    ])
    func negativeAnswersAreValuesNamedWhenOutOfRange(_ answers: [String], _ message: String) throws {
        let result = try cli.start(["concept", "react", "S-0001", "eco-box", "P-000002"] + answers).finish()
        #expect(result.status == 64)
        #expect(result.stderr == "error: \(message)\n")
    }

    @Test(arguments: [["--expectation", "-2"], ["--expectation=-2"], ["--expectation", "+2"]])
    func negativeAndSignedExpectationsAreTaken(_ expectation: [String]) throws {
        let result = try cli.start(["concept", "react", "S-0001", "eco-box", "P-000002", "--appeal", "3", "--intent", "3",
                                    "--recommend", "6"] + expectation).finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "R-0002\n")
    }
}

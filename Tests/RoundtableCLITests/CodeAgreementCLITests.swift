import Foundation
import Testing

/// `code agreement`: two coders (USER=anna, USER=ben) code a small session and compare.
@Suite("Inter-coder agreement from the command line")
struct CodeAgreementCLITests {
    var cli: CLI

    /// A session with four utterances and three codes; nothing coded yet.
    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        _ = try cli.key("session", "schedule", "--title", "Delivery", "--start", "2027-03-28T10:00+03:00", "--duration", "90m",
                        "--moderator", "M-0001", "--capacity", "6")
        for (speaker, text) in [("Aino", "How did the delivery go?"), ("Matti", "It was slow, and nobody called me back."),
                                ("Åsa", "Fast for me, but the price was high 💸."), ("Matti", "Thanks.")] {
            _ = try cli.key("transcript", "add", "S-0001", "--speaker", speaker, text)
        }
        for code in ["Speed", "Price", "Contact"] { _ = try cli.key("code", "add", code) }
    }

    /// Runs `code apply` as `coder`.
    mutating func apply(_ coder: String, _ arguments: String...) throws {
        cli.environment["USER"] = coder
        let result = try cli.start(["code", "apply"] + arguments).finish()
        cli.environment["USER"] = nil
        guard result.status == 0 else { throw CLIFailure(description: "\(arguments) as \(coder): \(result.stderr)") }
    }

    /// anna and ben code U-2 and U-3.
    mutating func codeTwoCoders() throws {
        try apply("anna", "Speed", "--utterance", "U-2", "--from", "0", "--to", "11")
        try apply("ben", "Speed", "--utterance", "U-2", "--from", "7", "--to", "11")
        try apply("anna", "Contact", "--utterance", "U-2", "--from", "13", "--to", "38")
        try apply("anna", "Speed", "--utterance", "U-3", "--from", "0", "--to", "4")
        try apply("ben", "Speed", "--utterance", "U-3", "--from", "0", "--to", "4")
        try apply("anna", "Price", "--utterance", "U-3", "--from", "17", "--to", "35")
        try apply("ben", "Price", "--utterance", "U-3")
    }

    @Test mutating func aTableOfCodesAndDisagreements() throws {
        try codeTwoCoders()
        let turn = try cli.run("code", "agreement", "--session", "S-0001")
        #expect(turn.status == 0, "\(turn.stderr)")
        #expect(turn.stderr.isEmpty)
        #expect(turn.stdout == """
            S-0001  Delivery
            coders: anna, ben; units: turn (2 of 4 utterances)

            CODE                UTTERANCES  AGREEMENT  KAPPA  ALPHA
            Contact             2           50.0%      0.000  0.000
            Price               2           100.0%     1.000  1.000
            Speed               2           100.0%     —      —
            all codes (pooled)  6           83.3%      0.667  0.686
            α —: no variation: every coder gave every unit the same value, so α is undefined

            DISAGREEMENTS (1)
            UTTERANCE  CODE     SPAN      APPLIED BY  NOT BY  TEXT
            U-000002   Contact  [13, 38)  anna        ben     "and nobody called me back"

            """)
        let characters = try cli.run("code", "agreement", "--session", "S-1", "--unit", "character")
        #expect(characters.status == 0, "\(characters.stderr)")
        // Contact: anna's 25 characters against none of ben's, 52 of 77 agree; Price: ben's whole
        // U-3 against anna's [17, 35), 57 agree; Speed: anna's "It was " alone, 70 agree.
        #expect(characters.stdout == """
            S-0001  Delivery
            coders: anna, ben; units: character (2 of 4 utterances)

            CODE                CHARACTERS  AGREEMENT  KAPPA  ALPHA
            Contact             77          67.5%      0.000  -0.186
            Price               77          74.0%      0.477  0.442
            Speed               77          90.9%      0.648  0.645
            all codes (pooled)  231         77.5%      0.357  0.356

            DISAGREEMENTS (4)
            UTTERANCE  CODE     SPAN      APPLIED BY  NOT BY  TEXT
            U-000002   Speed    [0, 7)    anna        ben     "It was "
            U-000002   Contact  [13, 38)  anna        ben     "and nobody called me back"
            U-000003   Price    [0, 17)   ben         anna    "Fast for me, but "
            U-000003   Price    [35, 38)  ben         anna    " 💸."

            """)
        #expect(characters.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    /// `code agreement --format json` parsed.
    func json(_ arguments: String...) throws -> [String: Any] {
        let result = try cli.start(["code", "agreement", "--session", "S-0001", "--format", "json"] + arguments).finish()
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test mutating func jsonForScripts() throws {
        try codeTwoCoders()
        let json = try json()
        #expect(json["session"] as? String == "S-0001")
        #expect(json["unit"] as? String == "turn")
        #expect(json["coders"] as? [String] == ["anna", "ben"])
        #expect(json["utteranceCount"] as? Int == 2 && json["sessionUtteranceCount"] as? Int == 4)
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(overall["unitCount"] as? Int == 6)
        #expect(abs((overall["observedAgreement"] as? Double ?? 0) - 5.0 / 6.0) < 1e-9)
        #expect(abs((overall["cohensKappa"] as? Double ?? 0) - 2.0 / 3.0) < 1e-9)
        #expect(abs((overall["krippendorffsAlpha"] as? Double ?? 0) - 24.0 / 35.0) < 1e-9)
        #expect(overall["note"] is NSNull)
        let codes = try #require(json["codes"] as? [[String: Any]])
        #expect(codes.map { $0["code"] as? String } == ["Contact", "Price", "Speed"])
        let speed = codes[2]
        #expect(speed["krippendorffsAlpha"] is NSNull && speed["cohensKappa"] is NSNull, "undefined is an explicit null")
        #expect(speed["observedAgreement"] as? Double == 1)
        #expect(speed["note"] as? String == "Cohen's κ is undefined: no variation; Krippendorff's α is undefined: "
                    + "no variation: every coder gave every unit the same value")
        #expect(codes[1]["krippendorffsAlpha"] as? Double == 1)
        let disagreements = try #require(json["disagreements"] as? [[String: Any]])
        #expect(disagreements.count == 1)
        let first = try #require(disagreements.first)
        #expect(first["utterance"] as? String == "U-000002" && first["code"] as? String == "Contact")
        #expect(first["spanStart"] as? Int == 13 && first["spanEnd"] as? Int == 38)
        #expect(first["text"] as? String == "and nobody called me back")
        #expect(first["appliedBy"] as? [String] == ["anna"] && first["notBy"] as? [String] == ["ben"])

        let everything = try self.json("--include-uncoded")
        #expect(everything["utteranceCount"] as? Int == 4)
        #expect((everything["overall"] as? [String: Any])?["unitCount"] as? Int == 12)
        let characters = try self.json("--unit", "character")
        #expect(characters["unit"] as? String == "character")
        #expect((characters["overall"] as? [String: Any])?["unitCount"] as? Int == 231)
        #expect((characters["disagreements"] as? [Any])?.count == 4)
    }

    @Test mutating func threeCodersHaveNoKappa() throws {
        try codeTwoCoders()
        try apply("carl", "Price", "--utterance", "U-3", "--from", "21", "--to", "26")
        let all = try cli.run("code", "agreement", "--session", "S-0001")
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("coders: anna, ben, carl;"))
        #expect(all.stdout.contains("κ —: Cohen's κ compares exactly two coders; α takes any number"))
        let json = try json()
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(overall["cohensKappa"] is NSNull && overall["krippendorffsAlpha"] as? Double != nil)
        #expect(overall["note"] as? String == "Cohen's κ compares exactly two coders")
        let pair = try self.json("--coders", "carl,ben")
        #expect(pair["coders"] as? [String] == ["carl", "ben"])
    }

    @Test mutating func oneCoderOrAStrangerIsBadData() throws {
        let none = try cli.run("code", "agreement", "--session", "S-0001")
        #expect(none.status == 65)
        #expect(none.stderr == "error: agreement needs two coders of S-0001 to compare (nobody has coded its utterances)\n")
        try apply("anna", "Speed", "--utterance", "U-2")
        let alone = try cli.run("code", "agreement", "--session", "S-0001")
        #expect(alone.status == 65)
        #expect(alone.stderr == "error: agreement needs two coders of S-0001 to compare (coded by anna)\n")
        try apply("ben", "Price", "--utterance", "U-2")
        let stranger = try cli.run("code", "agreement", "--session", "S-0001", "--coders", "anna,zoe")
        #expect(stranger.status == 65)
        #expect(stranger.stderr == "error: zoe has coded no utterance of S-0001 (coded by anna, ben)\n")
        #expect(try cli.run("code", "agreement", "--session", "S-0001", "--coders", "ben, anna").status == 0)
        #expect(try cli.run("code", "agreement", "--session", "S-0001", "--coders", ",").status == 64)
        #expect(try cli.run("code", "agreement", "--session", "S-0001", "--unit", "word").status == 64)
        #expect(try cli.run("code", "agreement", "--session", "S-0009").status == 65)
        #expect(try cli.run("code", "agreement").status == 64)
    }

    @Test mutating func readsWithoutWritingAndNeverCreatesAWorkspace() throws {
        try codeTwoCoders()
        let missing = try cli.run("code", "agreement", "--session", "S-0001", "--db", "nowhere.sqlite")
        #expect(missing.status == 66)
        #expect(missing.stderr == "error: no workspace at nowhere.sqlite; any command that writes creates one\n")
        #expect(!FileManager.default.fileExists(atPath: cli.path("nowhere.sqlite")))
        try FileManager.default.copyItem(atPath: cli.databasePath, toPath: cli.path("shared.sqlite"))
        chmod(cli.path("shared.sqlite"), 0o444)
        let before = FileManager.default.contents(atPath: cli.path("shared.sqlite"))
        let read = try cli.runAsNobody(["code", "agreement", "--session", "S-0001", "--db", cli.path("shared.sqlite")])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("all codes (pooled)"))
        #expect(FileManager.default.contents(atPath: cli.path("shared.sqlite")) == before)
        #expect(!FileManager.default.fileExists(atPath: cli.path("shared.sqlite") + "-wal"))
    }
}

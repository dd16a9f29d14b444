import Foundation
import Testing

@Suite("Coding by search, taking codings back, listing batches: command line")
struct CodingBatchCLITests {
    let cli: CLI

    /// `CLI.nordicSession()` with four turns in S-0001; codes
    /// Channel/Phone and Channel/App.
    init() throws {
        cli = try CLI.nordicSession()
        for (speaker, text) in [("M-0001", "Do you phone us, or use the mobile app?"),
                                ("P-000001", "I phone. The mobile app is slow; phone is faster."),
                                ("P-000002", "Øystein here: never the phone."),
                                ("P-000001", "Äijälä again: PHONE, always.")] {
            _ = try cli.key("transcript", "add", "S-0001", "--speaker", speaker, text)
        }
        _ = try cli.key("code", "add", "Channel")
        _ = try cli.key("code", "add", "Phone", "--parent", "Channel")
        _ = try cli.key("code", "add", "App", "--parent", "Channel")
    }

    /// The database file's bytes, to show that a command that only reads wrote nothing.
    func snapshot() throws -> Data {
        _ = try cli.run("code", "list")
        return try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
    }

    /// What the workspace holds of codes, codings and batches, to show a failed write changed nothing
    /// (opening for writing may touch the file's header, never its rows).
    func contents() throws -> [String] {
        try [["code", "list", "--format", "json"], ["code", "batches", "--format", "json"]].map { try cli.start($0).finish().stdout }
    }

    @Test func dryRunApplyListAndTakeBack() throws {
        let before = try snapshot()
        let dry = try cli.run("code", "apply", "Channel/Phone", "--search", "phone", "--speaker", "P-000001", "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout == """
            UTTERANCE  SPAN      TEXT     NOTE
            U-000002   [2, 7)    "phone"
            U-000002   [33, 38)  "phone"
            U-000004   [14, 19)  "PHONE"
            dry run: Channel/Phone would be applied to 3 spans in 2 utterances; nothing written

            """)
        #expect(try snapshot() == before, "a dry run writes nothing")

        _ = try cli.key("code", "apply", "Phone", "--utterance", "U-3", "--from", "24", "--to", "29")
        let applied = try cli.run("code", "apply", "Channel/Phone", "--search", "phone")
        #expect(applied.status == 0 && applied.stderr.isEmpty)
        #expect(applied.stdout == """
            batch 1: Channel/Phone applied to 4 spans in 3 utterances (1 already coded, skipped)
            take it back with: roundtable code unapply --batch 1

            """)
        let whole = try cli.run("code", "apply", "App", "--search", "mobile app", "--session", "S-0001", "--whole-utterance",
                                "--coder", "Åsa Lindqvist")
        #expect(whole.stdout.hasPrefix("batch 2: Channel/App applied to 2 utterances\n"))
        // Already coded by the same coder; another coder's identical coding is what agreement compares.
        let again = try cli.run("code", "apply", "App", "--search", "mobile app", "--whole-utterance", "--coder", "Åsa Lindqvist")
        #expect(again.stdout == "Channel/App: nothing new to code; 2 matches already coded\n")
        let none = try cli.run("code", "apply", "App", "--search", "fax")
        #expect(none.status == 0 && none.stdout == "Channel/App: no utterance matches \"fax\"; nothing coded\n")

        let list = try cli.run("code", "batches", "--tz", "Europe/Helsinki")
        #expect(list.stdout == """
            BATCH  CODE           SEARCH      SCOPE                             CODER          CREATED           CODINGS
            1      Channel/Phone  phone       all transcripts                   anna           2026-12-01 11:00  4
            2      Channel/App    mobile app  session S-0001, whole utterances  Åsa Lindqvist  2026-12-01 11:00  2

            """)
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run("code", "batches", "--format", "json").stdout.utf8))
        let rows = try #require(json as? [[String: Any]])
        #expect(rows.map { $0["codingCount"] as? Int } == [4, 2])
        #expect(rows.first?["createdAt"] as? String == "2026-12-01T09:00:00Z")

        let back = try cli.run("code", "unapply", "--batch", "1")
        #expect(back.status == 0 && back.stdout == "took back batch 1: removed 4 codings of Channel/Phone\n")
        let codes = try cli.run("code", "list")
        #expect(codes.stdout.contains("  Phone          1\n"), "the coding made by hand stays: \(codes.stdout)")
        let missing = try cli.run("code", "unapply", "--batch", "1")
        #expect(missing.status == 65 && missing.stdout.isEmpty)
        #expect(missing.stderr == "error: no coding batch 1 in this workspace\n")
    }

    @Test func searchJSON() throws {
        let result = try cli.run("code", "apply", "App", "--search", "AIJALA", "--format", "json", "--dry-run")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["dryRun"] as? Bool == true && object["batch"] is NSNull)
        let matches = try #require(object["matches"] as? [[String: Any]])
        #expect(matches.map { $0["text"] as? String } == ["Äijälä"])
        #expect(matches.map { $0["spanStart"] as? Int } == [0] && matches.map { $0["spanEnd"] as? Int } == [6])
    }

    @Test func takeOneCodingBack() throws {
        _ = try cli.key("code", "apply", "Phone", "--utterance", "U-2", "--from", "2", "--to", "7", "--coder", "bo")
        #expect(try cli.key("code", "apply", "Phone", "--utterance", "U-2", "--from", "33", "--to", "38")
            == "Channel/Phone → U-000002 [33, 38): \"phone\"")
        let several = try cli.run("code", "unapply", "Phone", "--utterance", "U-2")
        #expect(several.status == 65)
        #expect(several.stderr == "error: Channel/Phone is applied to U-000002 2 times: [2, 7) by bo; [33, 38) by anna; "
                + "give --from and --to, or --coder, to pick one\n")
        let removed = try cli.run("code", "unapply", "Phone", "--utterance", "U-2", "--coder", "bo")
        #expect(removed.status == 0 && removed.stdout == "removed Channel/Phone from U-000002 [2, 7): \"phone\"\n")
        let bySpan = try cli.run("code", "unapply", "Phone", "--utterance", "U-2", "--from", "33", "--to", "38")
        #expect(bySpan.status == 0)
        let gone = try cli.run("code", "unapply", "Phone", "--utterance", "U-2")
        #expect(gone.status == 65 && gone.stderr == "error: Channel/Phone is not applied to U-000002\n")
    }

    @Test("argument combinations are refused before anything is opened", arguments: [
        (["code", "apply", "App", "--search", "app", "--utterance", "U-1"], "--search codes what it finds"),
        (["code", "apply", "App", "--utterance", "U-1", "--dry-run"], "--dry-run needs --search"),
        (["code", "apply", "App", "--utterance", "U-1", "--whole-utterance"], "--whole-utterance needs --search"),
        (["code", "apply", "App", "--utterance", "U-1", "--session", "S-1"], "--session needs --search"),
        (["code", "apply", "App", "--utterance", "U-1", "--speaker", "P-1"], "--speaker needs --search"),
        (["code", "unapply", "--batch", "1", "App"], "--batch takes back a whole batch"),
        (["code", "unapply", "App"], "give exactly one of --utterance"),
        (["code", "unapply", "App", "--utterance", "U-1", "--from", "1"], "give both --from and --to"),
    ])
    func refusedCombinations(arguments: [String], message: String) throws {
        let result = try cli.start(arguments).finish()
        #expect(result.status == 64, "\(arguments)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func badValuesAreRefusedAndWriteNothing() throws {
        _ = try cli.key("code", "apply", "App", "--search", "app")
        let before = try contents()
        let speaker = try cli.run("code", "apply", "App", "--search", "app", "--speaker", "S-0001")
        #expect(speaker.status == 64 && speaker.stderr.contains("is not a speaker key"))
        let coder = try cli.run("code", "apply", "App", "--search", "app", "--coder", "")
        #expect(coder.status == 64 && coder.stderr == "error: the coder must not be empty\n")
        let code = try cli.run("code", "apply", "Fax", "--search", "app")
        #expect(code.status == 65 && code.stderr == "error: no code Fax in this workspace\n")
        let words = try cli.run("code", "apply", "App", "--search", "!? …")
        #expect(words.status == 64 && words.stderr == "error: give at least one word to search for\n")
        let session = try cli.run("code", "apply", "App", "--search", "app", "--session", "S-0009")
        #expect(session.status == 65 && session.stderr == "error: no session S-0009 in this workspace\n")
        let unapply = try cli.run("code", "unapply", "App", "--utterance", "U-9")
        #expect(unapply.status == 65 && unapply.stderr == "error: no utterance U-000009 in this workspace\n")
        #expect(try contents() == before)
    }
}

@Suite("Coding batches in workspace backups")
struct CodingBatchBackupCLITests {
    @Test func batchesSurviveABackupAndCanBeTakenBackAfterARestore() throws {
        var cli = try CLI()
        cli.environment["USER"] = "anna"
        _ = try cli.key("demo", "--db", cli.databasePath)
        _ = try cli.key("code", "apply", "Channel/Phone", "--search", "phone", "--coder", "Åsa Lindqvist")
        let batches = try cli.run("code", "batches").stdout
        let first = cli.folder.appendingPathComponent("first.xml").path
        let second = cli.folder.appendingPathComponent("second.xml").path
        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        _ = try cli.key("export", "workspace", "-o", first)
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains("<workspace xmlns=\"urn:roundtable:xml:1\" version=\"3\">"))
        #expect(text.contains("<codingBatch id=\"1\""))
        #expect(text.contains(" batch=\"1\"/>"))
        let restore = try cli.run("import", "workspace", first, "--db", restored)
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try cli.run("code", "batches", "--db", restored).stdout == batches)
        _ = try cli.key("export", "workspace", "-o", second, "--db", restored)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
        let back = try cli.run("code", "unapply", "--batch", "1", "--db", restored)
        #expect(back.status == 0 && back.stdout.hasPrefix("took back batch 1: removed ") && back.stdout.hasSuffix(" codings of Channel/Phone\n"))
    }

    @Test func aVersionTwoBackupWithoutBatchesStillRestores() throws {
        let cli = try CLI()
        _ = try cli.key("demo", "--db", cli.databasePath)
        let backup = cli.folder.appendingPathComponent("backup.xml")
        _ = try cli.key("export", "workspace", "-o", backup.path)
        var text = try String(contentsOf: backup, encoding: .utf8)
        #expect(text.contains("<codingBatches/>"), "the demo has no batches")
        text = text.replacingOccurrences(of: "<codingBatches/>", with: "")
            .replacingOccurrences(of: "version=\"3\">", with: "version=\"2\">")
        try text.write(to: backup, atomically: true, encoding: .utf8)
        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        let restore = try cli.run("import", "workspace", backup.path, "--db", restored)
        #expect(restore.status == 0 && restore.stderr.isEmpty, "\(restore.stderr)")
        #expect(try cli.run("code", "list", "--db", restored).stdout == cli.run("code", "list").stdout)
    }
}

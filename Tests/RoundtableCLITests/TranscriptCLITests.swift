import Foundation
import Testing

@Suite("Transcripts and notes from the command line")
struct TranscriptCLITests {
    let cli: CLI

    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Liisa Virtanen", "--email", "liisa@example.fi", "--tz", "Europe/Helsinki")
        for name in ["Matti Äijälä", "Øystein Berg"] {
            let key = try cli.key("participant", "add", "--name", name)
            _ = try cli.key("participant", "consent", key, "--scope", "contact", "--given")
        }
        _ = try cli.key("session", "schedule", "--title", "Mobiilipankki", "--start", "2027-03-28T10:00+03:00",
                        "--duration", "90m", "--moderator", "M-0001", "--capacity", "8")
        _ = try cli.key("session", "invite", "S-0001", "P-000001", "P-000002")
    }

    /// Writes `text` to a file in the test's folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = cli.folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func json(_ arguments: String...) throws -> Any {
        let result = try cli.start(arguments).finish()
        guard result.status == 0 else { throw CLIFailure(description: "\(arguments) exited \(result.status): \(result.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func importSearchShowAndNotes() throws {
        let path = try file("group.txt", """
            [00:00:05] Liisa: Tervetuloa.
            [00:00:12] A\u{308}ija\u{308}la\u{308}: Mina\u{308} olen A\u{308}ija\u{308}la\u{308} ja asun Oulussa.
            [00:00:30] Øystein: Jeg bor i Bergen.
            [00:00:41] Client: Kiitos.
            """)
        let imported = try cli.run("transcript", "import", "S-0001", path)
        #expect(imported.status == 0)
        #expect(imported.stdout == "imported 4 utterances into S-0001: 3 speakers matched, 1 unmatched, 0 ambiguous\n")
        #expect(imported.stderr == "warning: \(path):4: speaker 'Client' matches nobody in S-0001; its 1 turn is kept as a label; "
            + "to map it: roundtable transcript import S-0001 \(path) --replace --speaker 'Client=P-…'\n")

        for query in ["aijala", "Äijälä"] {
            let hits = try #require(try json("transcript", "search", query, "--format", "json") as? [[String: Any]])
            #expect(hits.count == 1)
            #expect(hits.first?["utterance"] as? String == "U-000002")
            #expect(hits.first?["speakerKey"] as? String == "P-000001")
            #expect(hits.first?["startMs"] as? Int == 12_000)
            #expect(hits.first?["snippet"] as? String == "Minä olen [Äijälä] ja asun Oulussa.")
        }
        let table = try cli.run("transcript", "search", "oulu*", "--session", "S-0001")
        #expect(table.stdout.contains("S-0001   U-000002   00:00:12  Äijälä (P-000001)  Minä olen Äijälä ja asun [Oulussa]."))

        let recent = try #require(try json("transcript", "search", "aijala", "--sort", "recent", "--limit", "1", "--format", "json")
            as? [[String: Any]])
        #expect(recent.map { $0["utterance"] as? String } == ["U-000002"], "the same JSON shape as relevance")
        #expect(recent.first?["snippet"] as? String == "Minä olen [Äijälä] ja asun Oulussa.")
        #expect(try cli.run("transcript", "search", "aijala", "--sort", "newest").status == 64)

        #expect(try cli.key("transcript", "add", "S-0001", "--speaker", "Observer 2", "--at", "00:01:00", "Hiljaista.") == "U-000005")
        let shown = try #require(try json("transcript", "show", "S-0001", "--format", "json") as? [String: Any])
        let utterances = try #require(shown["utterances"] as? [[String: Any]])
        #expect(shown["session"] as? String == "S-0001")
        #expect(utterances.map { $0["speakerKey"] as? String } == ["M-0001", "P-000001", "P-000002", nil, nil])
        #expect(utterances.map { $0["speaker"] as? String } == ["Liisa", "Äijälä", "Øystein", "Client", "Observer 2"])
        #expect(utterances[1]["text"] as? String == "Minä olen Äijälä ja asun Oulussa.")
        #expect(utterances[4]["startMs"] as? Int == 60_000)

        #expect(try cli.key("note", "add", "S-0001", "--at", "00:00:30", "--kind", "action", "Lähetä kysely") == "N-0001")
        #expect(try cli.key("note", "add", "S-0001", "Ryhmä oli hiljainen") == "N-0002")
        let open = try #require(try json("note", "list", "--open", "--format", "json") as? [[String: Any]])
        #expect(open.map { $0["key"] as? String } == ["N-0001"])
        #expect(open.first?["atMs"] as? Int == 30_000 && open.first?["author"] as? String == "tester")
        #expect(try cli.key("note", "close", "N-0001") == "closed N-0001")
        let again = try cli.run("note", "close", "N-0001")
        #expect(again.status == 65)
        #expect(again.stderr == "error: N-0001 was already closed on 2026-12-01T09:00:00Z\n")
        let listed = try cli.run("note", "list", "--session", "S-0001").stdout.split(separator: "\n")
        #expect(listed.count == 3)
        #expect(listed[1].split(separator: " ") == ["N-0001", "S-0001", "00:00:30", "action", "done", "tester", "Lähetä", "kysely"])
    }

    @Test func outOfOrderTimestampsExit65WithOneLineAndWriteNothing() throws {
        let path = try file("bad.txt", "[00:00:05] Liisa: Tervetuloa.\n[00:00:04] Äijälä: Hei.\n")
        let result = try cli.run("transcript", "import", "S-0001", path)
        #expect(result.status == 65)
        #expect(result.stderr == "error: \(path):2: timestamp 00:00:04 is earlier than 00:00:05 on line 1\n")
        #expect(result.stdout.isEmpty)
        let shown = try #require(try json("transcript", "show", "S-0001", "--format", "json") as? [String: Any])
        #expect((shown["utterances"] as? [Any])?.isEmpty == true)
    }

    @Test func refusalsHaveTheirExitCodes() throws {
        let good = try file("good.txt", "Liisa: Hei.\n")
        #expect(try cli.run("transcript", "import", "S-0001", good).status == 0)
        let twice = try cli.run("transcript", "import", "S-0001", good)
        #expect(twice.status == 65)
        #expect(twice.stderr == "error: \(good) is the same file that was imported into S-0001 on 2026-12-01T09:00:00Z; "
            + "give --replace to import it again\n")
        let other = try file("other.txt", "Liisa: Moi.\n")
        #expect(try cli.run("transcript", "import", "S-0001", other).stderr
            == "error: S-0001 already has a transcript (1 utterances); give --replace to replace it\n")
        #expect(try cli.run("transcript", "import", "S-0001", good, "--replace").stdout.hasSuffix("replaced 1 earlier utterances\n"))

        let xml = try file("t.xml", "\u{FEFF}  <?xml version=\"1.0\"?><transcript/>")
        let refused = try cli.run("transcript", "import", "S-0001", xml, "--replace")
        #expect(refused.status == 65, "read as XML, which may not start with white space")
        #expect(refused.stderr.hasPrefix("error: \(xml):1:"))
        #expect(refused.stderr.split(separator: "\n").count == 1)

        let missing = try cli.run("transcript", "import", "S-0001", "nowhere.txt")
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("error: nowhere.txt: cannot read the file: "))

        let latin1 = cli.folder.appendingPathComponent("latin1.txt")
        try Data("Liisa: Hei.\nÄijälä: Moi.\n".data(using: .isoLatin1)!).write(to: latin1)
        let notUTF8 = try cli.run("transcript", "import", "S-0001", latin1.path, "--replace")
        #expect(notUTF8.status == 65)
        #expect(notUTF8.stderr.hasPrefix("error: \(latin1.path):2: the file is not UTF-8 text"))

        #expect(try cli.run("transcript", "add", "S-0001", "--speaker", "P-000009", "Hei").status == 65)
        #expect(try cli.run("transcript", "add", "S-0001", "--speaker", "Client", "--at", "soon", "Hei").status == 64)
        #expect(try cli.run("transcript", "search", "--", "*").status == 64)
        #expect(try cli.run("note", "add", "S-0001", "--kind", "todo", "x").status == 64)
    }
}

import Foundation
import Testing

/// `export segments`, `report codes` and `report cooccurrence` end to end: files a CSV reader takes
/// back whole, tables, JSON, and the exit codes of what cannot be found.
@Suite("Coded segments and code reports from the command line")
struct CodingReportsCLITests {
    let cli: CLI

    /// A Helsinki session with three participants (two with a segment), the moderator, and four
    /// coded turns: 5 codings, one turn with a comma, quotes and a line break.
    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        _ = try cli.key("panel", "create", "nordic-pool", "--name", "Nordic pool", "--kind", "pool")
        _ = try cli.key("session", "schedule", "--title", "Pricing", "--start", "2027-03-28T10:00+03:00", "--duration", "90m",
                        "--moderator", "M-0001", "--capacity", "6", "--panel", "nordic-pool")
        for (name, segment) in [("Äijälä Matti", "SMB"), ("Berg, Øystein", "Enterprise"), ("Åsa Lindqvist", nil)] {
            let added = try cli.run(["participant", "add", "--name", name] + (segment.map { ["--attr", "segment=\($0)"] } ?? []))
            let key = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try cli.key("participant", "consent", key, "--scope", "contact", "--given")
            _ = try cli.key("panel", "add-member", "nordic-pool", key)
            _ = try cli.key("session", "invite", "S-0001", key)
        }
        _ = try cli.key("transcript", "add", "S-0001", "--speaker", "P-000001", "--at", "00:01:05",
                        "Well, \"cheap\" is relative,\nsays Øystein")
        _ = try cli.key("transcript", "add", "S-0001", "--speaker", "P-000002", "--at", "00:02:00", "Calls to Äijälä take forever")
        _ = try cli.key("transcript", "add", "S-0001", "--speaker", "M-0001", "Why?")
        _ = try cli.key("transcript", "add", "S-0001", "--speaker", "P-000003", "Phones, phones")
        _ = try cli.key("code", "add", "Price")
        _ = try cli.key("code", "add", "Channel")
        _ = try cli.key("code", "add", "Phone", "--parent", "Channel")
        _ = try cli.key("code", "apply", "Price", "--utterance", "U-000001")
        _ = try cli.key("code", "apply", "Channel/Phone", "--utterance", "U-000002", "--from", "0", "--to", "5")
        _ = try cli.key("code", "apply", "Price", "--utterance", "U-000002", "--from", "0", "--to", "28")
        _ = try cli.key("code", "apply", "Channel", "--utterance", "U-000003")
        _ = try cli.key("code", "apply", "Channel/Phone", "--utterance", "U-000004", "--from", "8", "--to", "14")
    }

    func succeeds(_ arguments: String...) throws -> String {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    @Test("the CSV reads back whole with Python's csv module: header, rows, Nordic names, a comma, quotes and a line break")
    func segmentsCSV() throws {
        let result = try cli.run("export", "segments", "--panel", "nordic-pool", "-o", "segments.csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote 5 coded segments from 1 session to segments.csv\n")
        let path = cli.folder.appendingPathComponent("segments.csv").path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 without a byte order mark")
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("session,sessionStart,utterance,time,speakerKey,speaker,attr:segment,code,"))
        let records = try Self.pythonCSV(path)
        #expect(records.count == 6)
        #expect(records[0] == ["session", "sessionStart", "utterance", "time", "speakerKey", "speaker", "attr:segment", "code", "coder",
                               "spanStart", "spanEnd", "text"])
        #expect(records.dropFirst().allSatisfy { $0.count == 12 })
        #expect(records[1] == ["S-0001", "2027-03-28T10:00:00+03:00", "U-000001", "00:01:05", "P-000001", "Äijälä Matti", "SMB", "Price",
                               records[1][8], "0", "39", "Well, \"cheap\" is relative,\nsays Øystein"])
        #expect(records[2][5] == "Berg, Øystein")
        #expect(records[2][6] == "Enterprise")
        #expect(records[2][7...] == ["Channel/Phone", records[2][8], "0", "5", "Calls"])
        #expect(records[4][3...7] == ["", "M-0001", "Aino Virtanen", "", "Channel"])
        #expect(records[5][5...6] == ["Åsa Lindqvist", ""])
        #expect(records.map { $0[7] } == ["code", "Price", "Channel/Phone", "Price", "Channel", "Channel/Phone"])
        // Every record ends in CR LF; the line break inside the quoted text stays a bare LF.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "\r\n").count == 7)
        #expect(text.contains("\"Well, \"\"cheap\"\" is relative,\nsays Øystein\""))

        let excel = try cli.run("export", "segments", "--bom", "-o", "excel.csv")
        #expect(excel.status == 0)
        let marked = try Data(contentsOf: cli.folder.appendingPathComponent("excel.csv"))
        #expect(marked.starts(with: [0xEF, 0xBB, 0xBF, UInt8(ascii: "s")]))
    }

    @Test("JSON: an array of segments with the same fields, attributes as an object; stdout carries nothing else")
    func segmentsJSON() throws {
        let result = try cli.run("export", "segments", "--session", "S-0001", "--format", "json", "-o", "-")
        #expect(result.status == 0)
        #expect(result.stderr == "wrote 5 coded segments from 1 session to standard output\n")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 5)
        #expect(rows[0]["text"] as? String == "Well, \"cheap\" is relative,\nsays Øystein")
        #expect(rows[0]["wholeText"] as? Bool == true)
        #expect(rows[0]["attributes"] as? [String: String] == ["segment": "SMB"])
        #expect(rows[0]["sessionStart"] as? String == "2027-03-28T07:00:00Z")
        #expect(rows[0]["localSessionStart"] as? String == "2027-03-28T10:00:00+03:00")
        #expect(rows[1]["speaker"] as? String == "Berg, Øystein")
        #expect(rows[3]["startMs"] is NSNull && rows[3]["speakerKey"] as? String == "M-0001")
        let both = try cli.run("export", "segments", "--format", "json", "--panel", "nordic-pool", "-o", "-", "--session", "S-0001")
        #expect(both.status == 64)
        #expect(try cli.run("export", "segments", "--format", "json", "--bom").status == 64)
    }

    @Test("pseudonymized: no participant's name in speakers or text; the key file says who is who")
    func segmentsPseudonymized() throws {
        let result = try cli.run("export", "segments", "--pseudonymize", "--pseudonym-key", "key.json", "-o", "-")
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["Äijälä", "Matti", "Øystein", "Berg", "Lindqvist"] { #expect(!result.stdout.contains(name), "\(name)") }
        #expect(result.stdout.contains("\"Well, \"\"cheap\"\" is relative,\nsays P02\""))
        #expect(result.stdout.contains(",P02,P02,Enterprise,Channel/Phone,"))
        #expect(result.stdout.contains("Aino Virtanen"), "the moderator is staff and keeps her name")
        let key = try String(contentsOf: cli.folder.appendingPathComponent("key.json"), encoding: .utf8)
        #expect(key.contains("Berg, Øystein"))
    }

    @Test("a forgotten participant's name leaks nowhere")
    func segmentsForgotten() throws {
        _ = try cli.key("participant", "forget", "P-000002")
        let csv = try succeeds("export", "segments", "-o", "-")
        for name in ["Øystein", "Berg"] { #expect(!csv.contains(name), "\(name)") }
        #expect(csv.contains(",P-000002,P-000002,,Channel/Phone,"))
    }

    @Test("report codes: a table per participant with a total row and column, and a key to the columns")
    func codesByParticipant() throws {
        #expect(try succeeds("report", "codes", "--by", "participant") == """
            Codings of transcript turns per participant

            CODE     P-000001  P-000002  P-000003  (others)  TOTAL
            Price    1         1         0         0         2
            Channel  0         0         0         1         1
              Phone  0         1         1         0         2
            total    1         2         1         1         5

            P-000001  Äijälä Matti
            P-000002  Berg, Øystein
            P-000003  Åsa Lindqvist
            (others)  moderators and other speakers

            """)
        #expect(try succeeds("report", "codes", "--by", "attribute", "segment", "--with-children", "--format", "csv") == [
            "code,Enterprise,SMB,(none),(others),total",
            "Price,1,1,0,0,2", "Channel,1,0,1,1,3", "Channel/Phone,1,0,1,0,2", "total,2,1,1,1,5", ""].joined(separator: "\r\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try succeeds("report", "codes", "--by", "session",
                                                                                         "--format", "json").utf8)) as? [String: Any])
        #expect(json["by"] as? String == "session")
        #expect(json["total"] as? Int == 5)
        #expect((json["cases"] as? [[String: String]])?.first == ["key": "S-0001", "label": "Pricing"])
        #expect((json["codes"] as? [[String: Any]])?.map { $0["code"] as? String } == ["Price", "Channel", "Channel/Phone"])
    }

    @Test("report codes refuses what does not exist: an attribute, a panel, a session (65), a workspace (66), a bad --by (64)")
    func codesErrors() throws {
        let attribute = try cli.run("report", "codes", "--by", "attribute", "city")
        #expect(attribute.status == 65)
        #expect(attribute.stderr == "error: no participant attribute city in this workspace (participants have: segment)\n")
        let panel = try cli.run("report", "codes", "--by", "session", "--panel", "nowhere")
        #expect(panel.status == 65)
        #expect(panel.stderr == "error: no panel nowhere in this workspace\n")
        let session = try cli.run("report", "cooccurrence", "--session", "S-0009")
        #expect(session.status == 65)
        #expect(session.stderr == "error: no session S-0009 in this workspace\n")
        let segments = try cli.run("export", "segments", "--session", "S-0009", "-o", "gone.csv")
        #expect(segments.status == 65)
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("gone.csv").path))
        let missing = try cli.run("report", "codes", "--by", "session", "--db", cli.folder.appendingPathComponent("none.sqlite").path)
        #expect(missing.status == 66)
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("none.sqlite").path))
        #expect(try cli.run("report", "codes", "--by", "attribute").status == 64)
        #expect(try cli.run("report", "codes", "--by", "colour").status == 64)
        #expect(try cli.run("report", "codes").status == 64)
    }

    @Test("report cooccurrence: pairs of codes on overlapping text, most frequent first, as a table, JSON and CSV")
    func cooccurrence() throws {
        _ = try cli.key("code", "apply", "Price", "--utterance", "U-000004", "--from", "0", "--to", "10")
        #expect(try succeeds("report", "cooccurrence") == """
            CODE A         CODE B  COUNT  TURNS
            Channel/Phone  Price   2      2

            """)
        let pairs = try #require(try JSONSerialization.jsonObject(with: Data(try succeeds("report", "cooccurrence", "--format", "json").utf8))
                                 as? [[String: Any]])
        #expect(pairs.count == 1)
        #expect(pairs[0]["codeA"] as? String == "Channel/Phone" && pairs[0]["count"] as? Int == 2 && pairs[0]["utteranceCount"] as? Int == 2)
        #expect(try succeeds("report", "cooccurrence", "--format", "csv") == "codeA,codeB,count,turns\r\nChannel/Phone,Price,2,2\r\n")
        #expect(try succeeds("report", "cooccurrence", "--session", "S-0001", "--format", "csv") == "codeA,codeB,count,turns\r\nChannel/Phone,Price,2,2\r\n")
    }

    /// The records of a CSV file as Python's `csv` module reads them (strict: a malformed quote fails).
    static func pythonCSV(_ path: String) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8") as f:
                print(json.dumps(list(csv.reader(f, strict=True))))
            """, path]
        let (out, err) = (Pipe(), Pipe())
        (process.standardOutput, process.standardError) = (out, err)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIFailure(description: "python3 (needed to read the CSV back) failed with \(process.terminationStatus): \(stderr)")
        }
        return try JSONDecoder().decode([[String]].self, from: stdout)
    }
}

import Foundation
import Testing
import ZIPFoundation

/// Issue 12: transcripts as Zoom, Teams, SRT tools and Otter.ai deliver them.
@Suite("transcript import of WebVTT, SRT, Otter and Teams .docx files")
struct TranscriptFormatsCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/transcripts")
    let cli: CLI

    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Liisa Virtanen", "--email", "liisa@example.fi", "--tz", "Europe/Helsinki")
        for name in ["Matti Äijälä", "Øystein Berg", "Åsa Nyström"] {
            let key = try cli.key("participant", "add", "--name", name)
            _ = try cli.key("participant", "consent", key, "--scope", "contact", "--given")
        }
        for day in 1...3 {
            _ = try cli.key("session", "schedule", "--title", "Mobiilipankki \(day)", "--start", "2027-03-2\(day)T10:00+03:00",
                            "--duration", "90m", "--moderator", "M-0001", "--capacity", "8")
            _ = try cli.key("session", "invite", "S-000\(day)", "P-000001", "P-000002", "P-000003", "--cooldown", "0")
        }
    }

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    func file(_ name: String, _ bytes: Data) throws -> String {
        let url = cli.folder.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }

    func utterances(_ session: String) throws -> [[String: Any]] {
        let shown = try cli.run("transcript", "show", session, "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        return try #require(object["utterances"] as? [[String: Any]])
    }

    @Test func zoomCuesMergeByNamePrefixAndAClockTimeIsNoSpeaker() throws {
        let result = try cli.run("transcript", "import", "S-0001", Self.fixture("zoom.vtt"))
        #expect(result.status == 0)
        #expect(result.stdout == "imported 4 utterances (from 7 cues, vtt) into S-0001: 3 speakers matched, 0 unmatched, 0 ambiguous\n")
        #expect(result.stderr.isEmpty)
        let turns = try utterances("S-0001")
        #expect(turns.map { $0["speakerKey"] as? String } == ["M-0001", "P-000001", "P-000002", "M-0001"])
        #expect(turns[1]["startMs"] as? Int == 9600 && turns[1]["endMs"] as? Int == 16000)
        #expect(turns[1]["text"] as? String == "I use it every day, at 10:15 usually. we meet at 17:30: ok, that is when I check my account.")
        #expect(turns[0]["text"] as? String == "Tervetuloa kaikki, welcome everyone. Let's start with the mobile bank.")
    }

    @Test func teamsVoicesWithAHintToMapTheUnknownSpeakerAndTheMappingApplied() throws {
        let path = Self.fixture("teams.vtt")
        let result = try cli.run("transcript", "import", "S-0001", path)
        #expect(result.stdout == "imported 5 utterances (from 6 cues, vtt) into S-0001: 3 speakers matched, 1 unmatched, 0 ambiguous\n")
        #expect(result.stderr == "warning: \(path):21: speaker 'Speaker 2' matches nobody in S-0001; its 2 turns are kept as a label; "
            + "to map it: roundtable transcript import S-0001 \(path) --replace --speaker 'Speaker 2=P-…'\n")
        let turns = try utterances("S-0001")
        #expect(turns[0]["startMs"] as? Int == 1120 && turns[0]["endMs"] as? Int == 6300)
        #expect(turns[0]["text"] as? String == "Hyvää huomenta, and welcome to the session about the mobile bank. Shall we start?")
        #expect(turns[1]["text"] as? String == "Sure. I log in with BankID & my phone")
        #expect(turns[4]["text"] as? String == "And the fees <really> are too high.")

        let mapped = try cli.run("transcript", "import", "S-0001", path, "--replace", "--speaker", "Speaker 2=P-000003")
        #expect(mapped.stdout == "imported 5 utterances (from 6 cues, vtt) into S-0001: 4 speakers matched, 0 unmatched, 0 ambiguous; "
            + "replaced 5 earlier utterances\n")
        #expect(try utterances("S-0001").map { $0["speakerKey"] as? String } == ["M-0001", "P-000001", "P-000003", "P-000002", "P-000003"])

        // The same captions saved with a byte order mark and CRLF line ends, read from standard input.
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
        let piped = try cli.run(["transcript", "import", "S-0002", "-"], input: Data(("\u{FEFF}" + text).utf8))
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("imported 5 utterances (from 6 cues, vtt) into S-0002: 3 speakers matched, 1 unmatched"))
        #expect(piped.stderr.contains("warning: -:21: speaker 'Speaker 2'") && piped.stderr.contains("S-0002 - --replace --speaker"))
    }

    @Test func srtAndOtterFilesImportWithTheirCounts() throws {
        let srt = try cli.run("transcript", "import", "S-0001", Self.fixture("plain.srt"))
        #expect(srt.stdout == "imported 3 utterances (from 4 cues, srt) into S-0001: 3 speakers matched, 0 unmatched, 0 ambiguous\n")
        let srtTurns = try utterances("S-0001")
        #expect(srtTurns[1]["text"] as? String == "Kiitos, hyvää huomenta. Olen käyttänyt mobiilipankkia kaksi vuotta.")
        #expect(srtTurns[1]["startMs"] as? Int == 4500 && srtTurns[1]["endMs"] as? Int == 8000)

        let otter = try cli.run("transcript", "import", "S-0002", Self.fixture("otter.txt"))
        #expect(otter.stdout == "imported 3 utterances (from 4 cues, otter) into S-0002: 2 speakers matched, 1 unmatched, 0 ambiguous\n")
        #expect(otter.stderr.hasPrefix("warning: \(Self.fixture("otter.txt")):4: speaker 'Speaker 1' matches nobody in S-0002; its 1 turn is"))
        let otterTurns = try utterances("S-0002")
        #expect(otterTurns[1]["text"] as? String
            == "I have used it for two years, we meet at 17:30 anyway.\nIt is fine.\nAnd the BankID login is slow.")
        #expect(otterTurns[2]["startMs"] as? Int == 3_723_000)
    }

    @Test func aTeamsWordDocumentImportsFromItsParagraphs() throws {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        let paragraphs = ["Mobiilipankki", "December 1, 2026, 9:00AM", "45m 12s", "Liisa Virtanen   0:03", "Tervetuloa kaikki.",
                          "Matti Äijälä   0:15", "Hei &amp; moi.", "Matti Äijälä   0:21", "Toinen kappale.", "Speaker 2   1:02:03", "Kiitos."]
        let document = Data((#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:document xmlns:w=\"\(w)\"><w:body>\n"
            + paragraphs.map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>\n" }.joined()
            + "</w:body></w:document>").utf8)
        let types = Data(#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)
        let path = cli.folder.appendingPathComponent("teams.docx").path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, data) in [("[Content_Types].xml", types), ("word/document.xml", document)] {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { at, count in
                data.subdata(in: Int(at)..<Int(at) + count)
            }
        }
        let result = try cli.run("transcript", "import", "S-0001", path)
        #expect(result.stdout == "imported 3 utterances (from 4 cues, docx) into S-0001: 2 speakers matched, 1 unmatched, 0 ambiguous\n")
        #expect(result.stderr.hasPrefix("warning: \(path):word/document.xml:12: speaker 'Speaker 2' matches nobody in S-0001"))
        let turns = try utterances("S-0001")
        #expect(turns[1]["text"] as? String == "Hei & moi.\nToinen kappale.")
        #expect(turns[2]["startMs"] as? Int == 3_723_000)
    }

    @Test func aBrokenTimingIsExit65NamingTheLineAndWritesNothing() throws {
        let text = try String(contentsOfFile: Self.fixture("zoom.vtt"), encoding: .utf8)
            .replacingOccurrences(of: "00:00:16.800 --> 00:00:19.250", with: "00:00:1x.800 --> 00:00:19.250")
        let path = try file("broken.vtt", Data(text.utf8))
        let result = try cli.run("transcript", "import", "S-0001", path)
        #expect(result.status == 65)
        #expect(result.stderr == "error: \(path):20: '00:00:1x.800' is not a cue time; write it as hh:mm:ss.mmm, mm:ss.mmm or (SRT) hh:mm:ss,mmm\n")
        #expect(result.stdout.isEmpty)
        #expect(try utterances("S-0001").isEmpty)
        let backwards = try file("back.srt", Data("1\n00:00:05,000 --> 00:00:06,000\nA: x\n\n2\n00:00:04,000 --> 00:00:07,000\nB: y\n".utf8))
        let refused = try cli.run("transcript", "import", "S-0001", backwards)
        #expect(refused.status == 65)
        #expect(refused.stderr == "error: \(backwards):6: the cue starts at 00:00:04.000, before the cue on line 2 (00:00:05.000); "
            + "cues must be in time order\n")
    }

    @Test func speakerMapsAndTheirErrors() throws {
        let teams = Self.fixture("teams.vtt")
        let map = try file("speakers.txt", Data("# who is who\n\nSpeaker 2 = P-000003\nNobody=M-0001\n".utf8))
        let mapped = try cli.run("transcript", "import", "S-0001", teams, "--speaker-map", map)
        #expect(mapped.status == 0)
        #expect(mapped.stdout.hasSuffix("4 speakers matched, 0 unmatched, 0 ambiguous\n"))
        #expect(mapped.stderr == "warning: \(map):4: no turn in \(teams) has the speaker 'Nobody'\n")

        let bad = try file("bad.txt", Data("Speaker 2=P-000003\nSpeaker 3\n".utf8))
        let badLine = try cli.run("transcript", "import", "S-0002", teams, "--speaker-map", bad)
        #expect(badLine.status == 65)
        #expect(badLine.stderr == "error: \(bad):2: expected 'Label=KEY', such as 'Speaker 2=P-000012'\n")

        _ = try cli.key("participant", "add", "--name", "Pekka Ulkopuolinen")
        let outsider = try cli.run("transcript", "import", "S-0002", teams, "--speaker", "Speaker 2=P-000004")
        #expect(outsider.status == 65)
        #expect(outsider.stderr == "error: --speaker 'Speaker 2=P-000004': P-000004 has no seat in S-0002\n")
        #expect(try utterances("S-0002").isEmpty)
        #expect(try cli.run("transcript", "import", "S-0002", teams, "--speaker", "Speaker 2").status == 64)
    }

    @Test func theSameFileAgainIsRefusedNamingTheDateAndFormatCanBeForced() throws {
        let zoom = Self.fixture("zoom.vtt")
        #expect(try cli.run("transcript", "import", "S-0001", zoom).status == 0)
        let again = try cli.run("transcript", "import", "S-0001", zoom)
        #expect(again.status == 65)
        #expect(again.stderr == "error: \(zoom) is the same file that was imported into S-0001 on 2026-12-01T09:00:00Z; "
            + "give --replace to import it again\n")
        let other = try cli.run("transcript", "import", "S-0001", Self.fixture("plain.srt"))
        #expect(other.stderr == "error: S-0001 already has a transcript (4 utterances); give --replace to replace it\n")
        #expect(try cli.run("transcript", "import", "S-0001", zoom, "--replace").stdout.hasSuffix("replaced 4 earlier utterances\n"))

        let forced = try cli.run("transcript", "import", "S-0002", zoom, "--format", "text")
        #expect(forced.status == 65)
        #expect(forced.stderr == "error: \(zoom):1: text before the first turn; a turn starts with 'Speaker: text'\n")
    }

    @Test func theMappingHintIsQuotedForTheShellAndKeepsTheOptionsGiven() throws {
        let path = try file("it's otter.txt", Data("O'Brien  0:03\nHello.\n\nLiisa Virtanen  0:09\nTervetuloa.\n".utf8))
        let result = try cli.run("transcript", "import", "S-0001", path, "--format", "otter", "--speaker", "Nobody=P-000001")
        #expect(result.status == 0)
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let expected = "warning: \(path):1: speaker 'O'Brien' matches nobody in S-0001; its 1 turn "
            + "is kept as a label; to map it: roundtable transcript import S-0001 \(quoted) --replace --format otter "
            + "--speaker 'Nobody=P-000001' --speaker 'O'\\''Brien=P-…'"
        let last = String(result.stderr.split(separator: "\n").last ?? "")
        #expect(last == expected)
    }
}

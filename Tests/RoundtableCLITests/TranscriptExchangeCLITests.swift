import Foundation
import RoundtableXML
import Testing

/// Native transcripts out and back in, the session report, and the research half of a backup.
@Suite("Transcript export, import and the session report")
struct TranscriptExchangeCLITests {
    static func demo() throws -> CLI {
        var cli = try CLI()
        cli.environment["ROUNDTABLE_DB"] = cli.folder.appendingPathComponent("demo.sqlite").path
        _ = try cli.key("demo")
        return cli
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The utterances of a transcript file, without what ties them to one session or workspace
    /// (imported codings are new codings, with their own GUIDs and times).
    static func utterances(_ text: String) -> String {
        let body = text[text.range(of: "</title>")!.upperBound...]
        return String(body).replacingOccurrences(of: #" participant="P-\d+""#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #" at="[^"]+""#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"(<coding [^>]*) guid="[^"]+""#, with: "$1", options: .regularExpression)
    }

    @Test func exportThenImportIntoAnotherSessionKeepsUtterancesAndCodings() throws {
        let cli = try Self.demo()
        let first = cli.folder.appendingPathComponent("s1.xml").path
        #expect(try cli.key("export", "transcript", "S-0001", "-o", first) == "wrote 16 utterances of S-0001 to \(first)")
        #expect(try NativeValidation.errors(inFile: first) == [])
        let imported = try cli.run("transcript", "import", "S-0006", first)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("16 utterances"))
        #expect(imported.stdout.contains("28 codings"), "\(imported.stdout)")
        #expect(imported.stderr.contains("Sofia"), "speakers without a seat in S-0006 are reported: \(imported.stderr)")
        let second = cli.folder.appendingPathComponent("s6.xml").path
        _ = try cli.key("export", "transcript", "S-0006", "-o", second)
        #expect(try NativeValidation.errors(inFile: second) == [])
        let a = try Self.utterances(Self.read(first)), b = try Self.utterances(Self.read(second))
        #expect(a == b)
        let again = try cli.run("transcript", "import", "S-0006", first)
        #expect(again.status == 65)
        #expect(again.stderr.contains("is the same file that was imported into S-0006 on"), "\(again.stderr)")
    }

    @Test func aPseudonymizedTranscriptNamesNobodyAndStillValidates() throws {
        let cli = try Self.demo()
        let path = cli.folder.appendingPathComponent("p.xml").path
        _ = try cli.key("export", "transcript", "S-0001", "--pseudonymize", "-o", path)
        #expect(try NativeValidation.errors(inFile: path) == [])
        let text = try Self.read(path)
        for name in ["Sofia", "Lindqvist", "Matti", "Järvinen", "Elina", "Liisa", "P-0000"] { #expect(!text.contains(name), "\(name)") }
        #expect(text.contains("<speaker>P01</speaker>") && text.contains("<speaker>Aino Virtanen</speaker>"))
        #expect(text.contains(#"pseudonymized="true""#))
    }

    @Test func codedSpansOfAnImportedTranscriptAreCheckedAgainstTheText() throws {
        let cli = try Self.demo()
        let path = cli.folder.appendingPathComponent("s1.xml").path
        _ = try cli.key("export", "transcript", "S-0001", "-o", path)
        let broken = try Self.read(path).replacingOccurrences(of: #"start="62" end="108""#, with: #"start="62" end="500""#)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try cli.run("transcript", "import", "S-0006", path)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("error: \(path):"), "\(result.stderr)")
        #expect(result.stderr.contains("outside the utterance"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try cli.key("transcript", "show", "S-0006", "--format", "json").contains("\"utterances\" : [\n\n  ]")
                || !(try cli.key("transcript", "show", "S-0006")).contains("U-0000"), "nothing was written")
    }

    @Test func theSessionReportGivesScoresAsNumbers() throws {
        let cli = try Self.demo()
        let json = try cli.key("report", "session", "S-0001", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let concepts = try #require(report["concepts"] as? [[String: Any]])
        #expect(concepts.map { $0["key"] as? String } == ["family-plan", "round-ups", "savings-goals"])
        let roundUps = try #require(concepts.first { $0["key"] as? String == "round-ups" })
        let scores = try #require(roundUps["scores"] as? [String: Any])
        #expect(scores["n"] as? Int == 4)
        #expect((scores["nps"] as? [String: Any])?["score"] as? Double == 50)
        #expect((scores["appeal"] as? [String: Any])?["mean"] as? Double == 3.75)
        #expect((scores["intent"] as? [String: Any])?["mean"] as? Double == 3.25)
        #expect(((report["nps"] as? [String: Any])?["score"] as? Double).map { $0.rounded() } == 8)
        #expect((report["openActions"] as? [Any])?.count == 1)
        let text = try cli.key("report", "session", "S-0001")
        #expect(text.contains("Attendance: 4 attended, 1 no-show, 1 declined"))
        #expect(text.contains("Price and value (2): “what does it cost?"))
    }

    @Test func theWorkspaceBackupCarriesTheResearchAndValidates() throws {
        let cli = try Self.demo()
        let backup = cli.folder.appendingPathComponent("backup.xml").path
        _ = try cli.key("export", "workspace", "-o", backup)
        #expect(try NativeValidation.errors(inFile: backup) == [])
        let text = try Self.read(backup)
        for element in ["<concept ", "<presentation ", "<reaction ", "<utterance ", "<note ", "<commentCard ", "<surveyResponse ",
                        "<code ", "<coding "] {
            #expect(text.contains(element), "\(element)")
        }
        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        let restore = try cli.run("import", "workspace", backup, "--db", restored)
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(restore.stdout.contains("12 reactions, 16 utterances, 29 codings, 4 notes, 3 comment cards, 4 survey responses"))
        let again = cli.folder.appendingPathComponent("again.xml").path
        _ = try cli.key("export", "workspace", "-o", again, "--db", restored)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: backup)))
    }
}

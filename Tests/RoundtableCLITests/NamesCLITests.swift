import Foundation
import Testing

/// A moderator and a participant who share a surname: speakers are matched without guessing, and
/// pseudonymized exports replace the participant's names and leave the moderator's whole.
@Suite("Names: speaker matching and pseudonymized exports")
struct NamesCLITests {
    static let transcript = """
        [00:00:05] Aino Virtanen: Tervetuloa. I am Aino Virtanen; Virtanen, Ilkka sits on my left.
        [00:00:20] Virtanen: Kiitos.
        [00:00:31] Tuulikki Äijälä: Hei, Ilkka Virtanen and Aino.
        [00:00:45] Äijälä: Tuulikki here again; Virtanen said it.
        [00:01:00] Ilkka Virtanen: Aino Virtanen asked me, Virtanen, about the price.

        """

    let cli: CLI

    /// Aino Virtanen moderates S-0001 (titled with both names) with "Virtanen, Ilkka" (P-000001) and "Äijälä, Tuulikki"
    /// (P-000002) seated; the transcript is imported and one turn coded.
    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        for name in ["Virtanen, Ilkka", "Äijälä, Tuulikki"] {
            let key = try cli.key("participant", "add", "--name", name)
            _ = try cli.key("participant", "consent", key, "--scope", "contact", "--given")
        }
        _ = try cli.key("session", "schedule", "--title", "Ilkka Virtanen ja Aino Virtanen", "--start", "2027-03-28T10:00+03:00",
                        "--duration", "1h", "--moderator", "M-0001", "--capacity", "4")
        _ = try cli.key("session", "invite", "S-0001", "P-000001", "P-000002")
        let file = cli.folder.appendingPathComponent("names.txt").path
        try Self.transcript.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try cli.run("transcript", "import", "S-0001", file)
        guard imported.status == 0 else { throw CLIFailure(description: imported.stderr) }
        _ = try cli.key("code", "add", "Price")
        _ = try cli.key("code", "apply", "Price", "--utterance", "U-000005", "--from", "44", "--to", "49")
    }

    func path(_ name: String) -> String { cli.folder.appendingPathComponent(name).path }

    /// The text with the moderator's full name taken out: what is left must not name a participant.
    static func withoutModerator(_ text: String) -> String {
        text.replacingOccurrences(of: "Aino Virtanen", with: "")
    }

    /// Every participant name part, none of which may be left in a pseudonymized export.
    static let participantNames = ["Virtanen", "Ilkka", "Tuulikki", "Äijälä", "P-00000"]

    static func expectNoParticipant(in text: String, _ file: String) {
        let rest = withoutModerator(text)
        for name in participantNames { #expect(!rest.contains(name), "\(file) names \(name)") }
        #expect(!text.contains("Aino P0") && !text.contains("P01 Aino") && !text.contains("Virtanen P0"), "\(file) broke the moderator's name")
    }

    @Test func aSharedSurnameIsAmbiguousAndFirstLastNamesMatch() throws {
        let again = try cli.run("transcript", "import", "S-0001", path("names.txt"), "--replace")
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("imported 5 utterances into S-0001: 4 speakers matched, 0 unmatched, 1 ambiguous"), "\(again.stdout)")
        #expect(again.stderr == "warning: \(path("names.txt")):2: speaker 'Virtanen' could be P-000001 (Virtanen, Ilkka) "
            + "or M-0001 (Aino Virtanen); its 1 turn is kept as a label\n")
        let shown = try cli.key("transcript", "show", "S-0001")
        #expect(shown.contains("Aino Virtanen (M-0001)"))
        #expect(shown.contains("Tuulikki Äijälä (P-000002)") && shown.contains("Äijälä (P-000002)"))
        #expect(shown.contains("Ilkka Virtanen (P-000001)"))
        #expect(!shown.contains("Virtanen (M-0001)  Kiitos") && !shown.contains("Virtanen (P-000001)  Kiitos"), "\(shown)")
    }

    @Test func aPseudonymizedTranscriptKeepsTheModerator() throws {
        _ = try cli.key("export", "transcript", "S-0001", "--pseudonymize", "-o", path("t.xml"))
        let text = try String(contentsOfFile: path("t.xml"), encoding: .utf8)
        Self.expectNoParticipant(in: text, "t.xml")
        #expect(text.contains("<speaker>Aino Virtanen</speaker>"))
        #expect(text.contains("<title>P01 ja Aino Virtanen</title>"))
        #expect(text.contains("I am Aino Virtanen; P01 sits on my left."))
        #expect(text.contains("Aino Virtanen asked me, P01, about the price."))
    }

    @Test func aPseudonymizedEAFKeepsTheModerator() throws {
        _ = try cli.key("export", "eaf", "S-0001", "--pseudonymize", "-o", path("t.eaf"))
        let text = try String(contentsOfFile: path("t.eaf"), encoding: .utf8)
        Self.expectNoParticipant(in: text, "t.eaf")
        #expect(text.contains(#"PARTICIPANT="Aino Virtanen""#))
        #expect(text.contains("Hei, P01 and Aino."))
        #expect(text.contains(#"<PROPERTY NAME="roundtable:title">P01 ja Aino Virtanen</PROPERTY>"#))
    }

    @Test func aPseudonymizedProjectKeepsTheModeratorInUsersAndSources() throws {
        _ = try cli.key("export", "refi", "--session", "S-0001", "--pseudonymize", "-o", path("p.qdpx"))
        let files = try REFIExportCLITests.unzip(path("p.qdpx"))
        let qde = String(decoding: try #require(files["project.qde"]), as: UTF8.self)
        let source = String(decoding: try #require(files.first { $0.key.hasPrefix("sources/") }?.value), as: UTF8.self)
        Self.expectNoParticipant(in: qde, "project.qde")
        Self.expectNoParticipant(in: source, "the source")
        #expect(qde.contains(#"<User guid=""#) && qde.contains(#"name="Aino Virtanen""#))
        #expect(qde.contains(#"name="S-0001 P01 ja Aino Virtanen""#))
        #expect(source.contains("Aino Virtanen: Tervetuloa. I am Aino Virtanen; P01 sits on my left."))
        #expect(source.contains("P01: Aino Virtanen asked me, P01, about the price."))
    }

    @Test(arguments: [["transcript", "S-0001"], ["eaf", "S-0001"], ["refi", "--session", "S-0001"]])
    func eachPseudonymizedExportWritesAPrivateKey(command: [String]) throws {
        let said = try cli.start(["export"] + command + ["--pseudonymize", "--pseudonym-key", path("key.json"), "-o", path("out")]).finish()
        #expect(said.status == 0, "\(said.stderr)")
        #expect(said.stdout.hasSuffix(" to \(path("out"))\nwrote the key to 2 study codes to \(path("key.json"))\n"), "\(said.stdout)")
        try expectKey(path("key.json"))
    }

    @Test func theKeyIsPrivateEvenOverAReadableFile() throws {
        FileManager.default.createFile(atPath: path("key.json"), contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
        _ = try cli.key("export", "transcript", "S-0001", "--pseudonymize", "--pseudonym-key", path("key.json"), "-o", path("t.xml"))
        try expectKey(path("key.json"))
    }

    @Test(arguments: [["transcript", "S-0001"], ["eaf", "S-0001"], ["refi", "--session", "S-0001"]])
    func aKeyWithoutPseudonymizeIsAUsageError(command: [String]) throws {
        let result = try cli.start(["export"] + command + ["--pseudonym-key", path("key.json"), "-o", path("out")]).finish()
        #expect(result.status == 64)
        #expect(result.stderr.contains("--pseudonym-key needs --pseudonymize"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("key.json")) && !FileManager.default.fileExists(atPath: path("out")))
        let same = try cli.start(["export"] + command + ["--pseudonymize", "--pseudonym-key", path("out"), "-o", path("out")]).finish()
        #expect(same.status == 64)
        #expect(same.stderr.contains("--pseudonym-key must name another file than --output"), "\(same.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("out")))
    }

    @Test func aFailedExportWritesNoKey() throws {
        let result = try cli.run("export", "transcript", "S-0099", "--pseudonymize", "--pseudonym-key", path("key.json"), "-o", path("t.xml"))
        #expect(result.status == 65)
        #expect(!FileManager.default.fileExists(atPath: path("key.json")))
    }

    /// The key file is readable by its owner only and maps each code to the participant's key and name.
    func expectKey(_ file: String) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let data = try #require(FileManager.default.contents(atPath: file))
        let key = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(key["sessions"] as? [String] == ["S-0001"])
        let codes = try #require(key["pseudonyms"] as? [[String: String]])
        #expect(codes == [["code": "P01", "participant": "P-000001", "name": "Virtanen, Ilkka"],
                          ["code": "P02", "participant": "P-000002", "name": "Äijälä, Tuulikki"]])
    }
}

import Foundation
import GRDB
import Testing

@Suite("import roster / export roster on the command line")
struct RosterImportCLITests {
    static let full = #"<participant id="A-1" doNotContact="true"><name>A\#u{308}ija\#u{308}la\#u{308} Øystein</name>"#
        + "<email>a@example.fi</email><phone>+358 40 1234567</phone><locale>fi-FI</locale><timeZone>Europe/Helsinki</timeZone>"
        + #"<attribute name="segment">SMB</attribute><attribute name="note">&lt;b&gt;&amp;amp; "q" 'a' &quot;&apos; 😀🇫🇮</attribute>"#
        + #"<attribute name="k&amp;&lt;'&quot;">v</attribute>"#
        + #"<consent scope="contact" version="2026-01" given="true" at="2026-01-05T10:00:00.123Z"/>"#
        + #"<consent scope="recording" version="v2" given="false" at="2026-02-01T08:30:15.007Z"/></participant>"#

    @Test func exportThenImportIntoAFreshWorkspaceKeepsEveryField() throws {
        let a = try CLI()
        let input = try Roster.write(Roster.xml([Self.full, Roster.row("A-2", "Bo")]), "in.xml", in: a)
        #expect(try a.key("import", "roster", input, "--partner", "acme").contains("2 new"))
        let first = a.folder.appendingPathComponent("first.xml").path
        #expect(try a.key("export", "roster", "--partner", "acme", "-o", first) == "wrote 2 participants to \(first)")
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains("<name>Äijälä Øystein</name>") && !text.unicodeScalars.contains("\u{308}"), "names come back composed")
        for part in [#"id="A-1" doNotContact="true""#, #"at="2026-01-05T10:00:00.123Z""#, #"at="2026-02-01T08:30:15.007Z""#,
                     "<timeZone>Europe/Helsinki</timeZone>", "😀🇫🇮", #"partner="acme""#] {
            #expect(text.contains(part), "export lacks \(part)")
        }
        if let valid = try Roster.xmllintAccepts(first) { #expect(valid, "export fails the bundled XSD") }

        let b = try CLI()
        #expect(try b.key("import", "roster", first, "--partner", "acme").hasSuffix("2 new, 0 updated, 0 unchanged, 0 rejected"))
        let second = b.folder.appendingPathComponent("second.xml").path
        _ = try b.key("export", "roster", "--partner", "acme", "-o", second)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second)) == Data(contentsOf: URL(fileURLWithPath: first)))
        #expect(try b.key("participant", "list", "--format", "json") == a.key("participant", "list", "--format", "json"))
        let shown = try JSONSerialization.jsonObject(with: Data(b.key("participant", "show", "P-000001", "--format", "json").utf8))
        let details = try #require(shown as? [String: Any])
        let attributes = try #require(details["attributes"] as? [String: String])
        #expect(attributes == ["segment": "SMB", "note": #"<b>&amp; "q" 'a' "' 😀🇫🇮"#, #"k&<'""#: "v"])
        let person = details
        #expect(person["name"] as? String == "Äijälä Øystein" && person["doNotContact"] as? Bool == true)
        #expect(person["phone"] as? String == "+358 40 1234567" && person["locale"] as? String == "fi-FI")
        let consents = try #require(details["consent"] as? [[String: Any]])
        #expect(consents.map { "\($0["scope"] as? String ?? "") \($0["version"] as? String ?? "") \($0["given"] as? Bool == true)" }
            == ["contact 2026-01 true", "recording v2 false"])
    }

    @Test func reimportingTheSameFileChangesNothingAndAChangedRowCountsAsUpdated() throws {
        let cli = try CLI()
        let consent = #"<consent scope="contact" version="1" given="true" at="2026-01-05T10:00:00.500Z"/>"#
        let rows = [Roster.row("R-1", "Aino", "<email>aino@example.fi</email>" + consent),
                    Roster.row("R-2", "Bo", "<email>bo@example.fi</email>"),
                    Roster.row("R-3", "Cy", #"<attribute name="segment">SMB</attribute>"#)]
        let file = try Roster.write(Roster.xml(rows), "r.xml", in: cli)
        #expect(try cli.key("import", "roster", file, "--partner", "acme").contains("3 new"))
        let before = try WorkspaceState(cli)
        #expect(try cli.key("import", "roster", file, "--partner", "acme")
            == "imported batch 2 from acme: 0 new, 0 updated, 3 unchanged, 0 rejected (nothing changed)")
        let again = try WorkspaceState(cli)
        #expect(again.listing == before.listing && again.rows == before.rows && again.batches == before.batches + 1)

        var changed = rows
        changed[1] = Roster.row("R-2", "Bo", "<email>bo@example.org</email>")
        changed[2] = Roster.row("R-3", "Cy", #"<attribute name="segment">Enterprise</attribute>"#)
        let edited = try Roster.write(Roster.xml(changed), "r2.xml", in: cli)
        #expect(try cli.key("import", "roster", edited, "--partner", "acme").hasSuffix("0 new, 2 updated, 1 unchanged, 0 rejected"))
        let after = try WorkspaceState(cli)
        #expect(after.listing == before.listing.replacingOccurrences(of: "bo@example.fi", with: "bo@example.org"))
        #expect(after.rows == before.rows)
        #expect(try cli.key("participant", "show", "P-000003", "--format", "json").contains("Enterprise"))
    }

    @Test func rejectedRowsAreListedWithTheirLines() throws {
        let cli = try CLI()
        _ = try cli.key("import", "roster", Roster.write(Roster.xml([Roster.row("P-0", "Pre")]), "pre.xml", in: cli), "--partner", "acme")
        let file = try Roster.write(Roster.xml([
            Roster.row("R-1", "Aino"), Roster.row("R-2", "Bo", "<email>bo@nowhere</email>"), Roster.row("R-3", "Cy"),
            Roster.row("R-4", "Di", "<timeZone>Mars/Olympus_Mons</timeZone>"), Roster.row("R-1", "Aino again"),
            Roster.row("R-6", "Ed"),
        ]), "roster.xml", in: cli)
        let before = try WorkspaceState(cli)
        let lines = ["roster.xml:4: Element '{urn:roundtable:xml:1}email'", "roster.xml:6: unknown time zone 'Mars/Olympus_Mons'",
                     "roster.xml:7: partner id 'R-1' appears earlier in this file"]

        let refused = try cli.run("import", "roster", file, "--partner", "acme")
        #expect(refused.status == 65)
        let errors = refused.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 4)
        for (line, expected) in zip(errors, lines) { #expect(line.hasPrefix("error: " + expected), "\(line)") }
        #expect(errors.last == "error: 3 rejected rows; nothing imported (fix them, or give --skip-invalid)")
        #expect(try WorkspaceState(cli) == before)

        let dry = try cli.run("import", "roster", file, "--partner", "acme", "--dry-run")
        #expect(dry.status == 0)
        #expect(dry.stdout == "dry run, nothing written: would import 3 new, 0 updated, 0 unchanged, 3 rejected\n")
        #expect(try WorkspaceState(cli) == before)

        let skipped = try cli.run("import", "roster", file, "--partner", "acme", "--skip-invalid")
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout == "imported batch 2 from acme: 3 new, 0 updated, 0 unchanged, 3 rejected\n")
        let warnings = skipped.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.count == 3)
        for (line, expected) in zip(warnings, lines) { #expect(line.hasPrefix("warning: skipped " + expected), "\(line)") }
        let after = try WorkspaceState(cli)
        #expect(after.rows.participants == before.rows.participants + 3 && after.batches == before.batches + 1)
        #expect(after.listing.contains("\"Ed\"") && !after.listing.contains("\"Bo\"") && !after.listing.contains("Aino again"))
    }

    @Test
    func skipInvalidImportsTheRestWhenTheLastRowIsBad() throws {
        let cli = try CLI()
        let file = try Roster.write(Roster.xml([Roster.row("R-1", "Aino"), Roster.row("R-2", "Bo", "<email>c@example</email>")]),
                                    "roster.xml", in: cli)
        let result = try cli.run("import", "roster", file, "--partner", "acme", "--skip-invalid")
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("warning: skipped roster.xml:4: "))
    }

    static let names = ["Äijälä Öberg", "Åsa Bråthen-Ström", "Søren Ærø"]

    @Test(arguments: ["UTF-16LE", "UTF-16BE", "ISO-8859-1"])
    func otherInputEncodingsImportWithTheRightNames(encoding: String) throws {
        let cli = try CLI()
        let text = Roster.xml(Self.names.enumerated().map { Roster.row("E-\($0.offset)", $0.element) },
                              encoding: encoding.hasPrefix("UTF-16") ? "UTF-16" : encoding)
        let data: Data? = switch encoding {
        case "UTF-16LE": Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        case "UTF-16BE": Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
        default: text.data(using: .isoLatin1)
        }
        let bytes = try #require(data)
        if encoding == "ISO-8859-1" { #expect(bytes.contains(0xE4) && bytes.count == text.unicodeScalars.count, "ä is one byte") }
        let file = try Roster.write(bytes, "encoded.xml", in: cli)
        let result = try cli.run("import", "roster", file, "--partner", "acme")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 new, 0 updated, 0 unchanged, 0 rejected"))
        let listing = try cli.key("participant", "list", "--format", "json")
        for name in Self.names { #expect(listing.contains("\"name\" : \"\(name)\""), "\(name) in \(listing)") }
    }

    @Test(arguments: [
        ["--name", String(repeating: "é", count: 300), "--attr", "flags=" + String(repeating: "🇫🇮", count: 5_000)],
        ["--name", String(repeating: "e\u{301}", count: 300), "--attr", "a=" + String(repeating: "x", count: 10_000)],
    ])
    func exportsOfLongButLegalValuesValidate(arguments: [String]) throws {
        try Self.exportValidates(arguments)
    }

    @Test(arguments: [
              ["--name", String(repeating: "x", count: 301)], ["--name", "Aino\nVirtanen"], ["--name", "\u{1}\u{2}"],
              ["--name", "F", "--attr", "flags=" + String(repeating: "🇫🇮", count: 5_001)], ["--name", "A", "--attr", "two\nlines=v"],
              ["--name", "E", "--email", "x@" + String(repeating: "d", count: 320) + ".fi"],
          ])
    func valuesTheSchemaForbidsAreRefusedAtEntry(arguments: [String]) throws {
        let cli = try CLI()
        let added = try cli.start(["participant", "add"] + arguments).finish()
        #expect(added.status == 64, "participant add must refuse what no export could carry")
        #expect(added.stderr.hasPrefix("error: "))
    }

    /// Adds one participant, exports, and checks the export against the schema by re-importing it (and xmllint).
    static func exportValidates(_ arguments: [String]) throws {
        let cli = try CLI()
        let added = try cli.start(["participant", "add"] + arguments).finish()
        try #require(added.status == 0, "participant add refused it: \(added.stderr)")
        let file = cli.folder.appendingPathComponent("export.xml").path
        _ = try cli.key("export", "roster", "-o", file)
        let check = try cli.run("import", "roster", file, "--partner", "self", "--dry-run")
        #expect(check.status == 0 && check.stdout.hasSuffix(" 0 rejected\n"), "\(check.stdout)\(check.stderr)")
        if let valid = try Roster.xmllintAccepts(file) { #expect(valid) }
    }

    @Test
    func aFailedExportPrintsOneErrorLineAndLeavesNoFile() throws {
        let cli = try CLI()
        _ = try cli.key("participant", "add", "--name", "Aino")
        let result = try cli.run("export", "roster", "--panel", "nosuch", "-o", "out.xml")
        #expect(result.status == 65)
        #expect(result.stderr == "error: no panel nosuch in this workspace\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).allSatisfy { !$0.contains("out.xml") })
    }
}

import Foundation
import GRDB
import Testing

@Suite("Workspace backup and restore")
struct WorkspaceBackupCLITests {
    /// A workspace with every kind of record: the demo, a partner import, a forgotten person, a cancellation.
    static func populated() throws -> CLI {
        let cli = try CLI()
        _ = try cli.key("demo", "--db", cli.databasePath)
        let roster = cli.folder.appendingPathComponent("partner.xml")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <roster xmlns="urn:roundtable:xml:1" version="1" partner="acme">
              <participant id="A-1" doNotContact="true">
                <name>A\u{308}ija\u{308}la\u{308}, Tuulikki</name>
                <attribute name="note">a &lt; b &amp; "c" 'd' 🎉</attribute>
                <consent scope="contact" version="2026-01" given="true" at="2026-01-05T10:00:00.250Z"/>
              </participant>
            </roster>
            """.write(to: roster, atomically: true, encoding: .utf8)
        _ = try cli.key("import", "roster", roster.path, "--partner", "acme", "--panel", "helsinki-pool")
        _ = try cli.key("participant", "forget", "P-000022")
        _ = try cli.key("session", "cancel", "S-0004", "--reason", "Room double-booked by facilities")
        return cli
    }

    @Test func exportImportExportIsByteIdentical() throws {
        let cli = try Self.populated()
        let first = cli.folder.appendingPathComponent("first.xml").path
        let second = cli.folder.appendingPathComponent("second.xml").path
        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        _ = try cli.key("export", "workspace", "-o", first)
        let restore = try cli.run("import", "workspace", first, "--db", restored)
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(restore.stdout.contains("24 participants") == false && restore.stdout.contains("25 participants"))
        _ = try cli.key("export", "workspace", "-o", second, "--db", restored)
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a == b)
        #expect(!a.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 without BOM")
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("Äijälä, Tuulikki"), "names are stored composed")
        #expect(text.contains("a &lt; b &amp; &quot;c&quot; 'd' 🎉"))
        #expect(text.contains("2026-01-05T10:00:00.250Z"), "milliseconds survive")
    }

    @Test func restoreRefusesAWorkspaceThatIsNotEmpty() throws {
        let cli = try Self.populated()
        let backup = cli.folder.appendingPathComponent("backup.xml").path
        _ = try cli.key("export", "workspace", "-o", backup)
        let result = try cli.run("import", "workspace", backup)
        #expect(result.status == 65)
        #expect(result.stderr.contains("not empty"))
    }

    @Test func aBrokenReferenceRestoresNothing() throws {
        let cli = try Self.populated()
        let backup = cli.folder.appendingPathComponent("backup.xml")
        _ = try cli.key("export", "workspace", "-o", backup.path)
        let broken = try String(contentsOf: backup, encoding: .utf8)
            .replacingOccurrences(of: "<moderator ref=\"M-0001\"/>", with: "<moderator ref=\"M-0099\"/>")
        try broken.write(to: backup, atomically: true, encoding: .utf8)
        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        let result = try cli.run("import", "workspace", backup.path, "--db", restored)
        #expect(result.status == 65)
        #expect(result.stderr.contains("M-0099"))
        try Self.expectNothingLeft(restored, in: cli)
    }

    @Test func exportsGoToTheExportsFolderByDefault() throws {
        let cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        let result = try cli.run("export", "workspace")
        #expect(result.status == 0)
        #expect(result.stdout == "wrote workspace backup to exports/workspace-2026-12-01T0900.xml\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent("exports").path)
        #expect(files == ["workspace-2026-12-01T0900.xml"], "no temporary file is left behind")
    }

    /// An edited backup that breaks the rules the commands keep: every violation is listed with its
    /// line, the restore exits 65, and the new workspace stays empty.
    @Test func anEditedBackupThatBreaksTheRulesIsListedWholeAndRestoresNothing() throws {
        let cli = try Self.populated()
        let backup = cli.folder.appendingPathComponent("backup.xml")
        _ = try cli.key("export", "workspace", "-o", backup.path)
        var lines = try String(contentsOf: backup, encoding: .utf8).components(separatedBy: "\n")
        func edit(_ marker: String, _ old: String, _ new: String) throws -> Int {
            let index = try #require(lines.firstIndex { $0.contains(marker) }, "no line with \(marker)")
            lines[index] = lines[index].replacingOccurrences(of: old, with: new)
            return index + 1
        }
        // S-0001 (capacity 6 + 1) has four attended seats; M-0003 and P-000003 are in S-0002 at 12:00-14:00 UTC.
        let small = try edit(#"<session key="S-0001""#, #"capacity="6" reserve="1""#, #"capacity="1" reserve="0""#)
        let atlantis = try edit(#"<session key="S-0003""#, "Europe/Helsinki", "Europe/Atlantis")
        let clash = try edit(#"<session key="S-0005""#, "2026-12-14T09:00:00.000Z", "2026-12-07T12:30:00.000Z")
        let twice = try edit(#"<participant key="P-000002""#, "P-000002", "P-000001")
        try lines.joined(separator: "\n").write(to: backup, atomically: true, encoding: .utf8)

        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        let result = try cli.run("import", "workspace", backup.path, "--db", restored)
        #expect(result.status == 65)
        let file = backup.path
        let seat = try #require(lines.firstIndex { $0.contains(#"<session key="S-0002""#) }) + 1
        #expect(result.stderr.components(separatedBy: "\n") == [
            "error: \(file):\(twice): participant P-000001: appears more than once in the backup",
            "error: \(file):\(small): session S-0001: holds 4 confirmed or attended seats, more than its capacity of 1 + 0 reserve",
            "error: \(file):\(seat): session S-0002: seats P-000002, which the backup does not contain",
            "error: \(file):\(atlantis): session S-0003: unknown time zone 'Europe/Atlantis' (use an IANA name such as Europe/Helsinki or UTC)",
            "error: \(file):\(clash): session S-0005: moderator M-0003 (Øystein Bjørnstad) is already in S-0002 'Q1 road map review' "
                + "2026-12-07 13:00–15:00 Europe/Oslo",
            "error: \(file):\(clash): session S-0005: participant P-000003 (Løvås, Øystein) is already in S-0002 'Q1 road map review' "
                + "2026-12-07 13:00–15:00 Europe/Oslo",
            "error: 6 broken rules in the backup; nothing restored",
            "",
        ])
        #expect(result.stdout.isEmpty)
        try Self.expectNothingLeft(restored, in: cli)
    }

    /// A restore into a new file that fails leaves neither the workspace nor the hidden file it was built in.
    static func expectNothingLeft(_ restored: String, in cli: CLI, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!FileManager.default.fileExists(atPath: restored), "a failed restore left a workspace", sourceLocation: sourceLocation)
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.contains(".restoring-") }
        #expect(left.isEmpty, "a failed restore left \(left)", sourceLocation: sourceLocation)
    }
}

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
        let count = try DatabaseQueue(path: restored).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM participant") }
        #expect(count == 0)
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
}

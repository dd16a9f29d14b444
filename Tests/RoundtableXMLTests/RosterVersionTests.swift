import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

@Suite("Rosters from a newer Roundtable are read leniently, with warnings")
struct RosterVersionTests {
    /// One participant per line, so line numbers are known: row i (0-based) is on line i + 3.
    static func roster(version: Int, _ rows: [String], trailer: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <roster xmlns="urn:roundtable:xml:1" xmlns:x="urn:example:other" version="\(version)" partner="acme">

        """ + rows.joined(separator: "\n") + "\n" + trailer + "</roster>\n"
    }

    static let rows = [
        #"<participant id="A-1"><name>Aino</name><email>aino@example.fi</email><nickname>Ainoski</nickname></participant>"#,
        #"<participant id="A-2"><name>Bo</name><nickname>B</nickname><attribute name="segment">SMB</attribute></participant>"#,
        #"<participant id="A-3"><name>Cy</name><x:extra>other namespace</x:extra></participant>"#,
    ]

    @Test func aNewerVersionIsReadWithAWarningAndUnknownElementsAreSkippedOnce() throws {
        let folder = try TempFolder()
        let text = Self.roster(version: NativeFormat.version + 1, Self.rows,
                               trailer: "<summary count=\"3\"><total>3</total></summary>\n")
        let path = try folder.write(text, "newer.xml")
        let read = try RosterFiles.read(path: path)
        #expect(read.rejected.isEmpty)
        #expect(read.entries.map(\.externalId) == ["A-1", "A-2", "A-3"])
        #expect(read.entries.map(\.name) == ["Aino", "Bo", "Cy"])
        #expect(read.entries[1].attributes == [NamedValue(name: "segment", value: "SMB")], "fields after the unknown one are kept")
        #expect(read.warnings == [
            "\(path): written by a newer Roundtable (format version \(NativeFormat.version + 1)); reading what this version knows",
            "\(path):3: skipped unknown element <nickname> (not known to this version of Roundtable)",
            "\(path):5: skipped <extra> from another namespace (not known to this version of Roundtable)",
            "\(path):6: skipped <summary> (not known to this version of Roundtable)",
        ])
    }

    @Test func aNewerVersionInMemoryIsReadTheSameWay() throws {
        let read = try RosterFiles.read(bytes: Array(Self.roster(version: NativeFormat.version + 1, Self.rows).utf8), label: "upload")
        #expect(read.entries.count == 3)
        #expect(read.warnings.first
            == "upload: written by a newer Roundtable (format version \(NativeFormat.version + 1)); reading what this version knows")
    }

    @Test func versionOneIsStrictAboutUnknownElementsInOurNamespace() throws {
        let folder = try TempFolder()
        let valid = #"<participant id="A-4"><name>Dan</name></participant>"#
        let path = try folder.write(Self.roster(version: 1, Self.rows + [valid]), "v1.xml")
        let read = try RosterFiles.read(path: path)
        #expect(read.rejected.map(\.line) == [3, 4])
        #expect(read.rejected.allSatisfy { $0.message.contains("nickname") && $0.message.contains("not expected") })
        #expect(read.entries.map(\.externalId) == ["A-3", "A-4"], "another namespace is allowed at the end of a record")
        #expect(read.warnings.contains("\(path):5: skipped <extra> from another namespace (not known to this version of Roundtable)"))
        #expect(!read.warnings.contains { $0.contains("newer Roundtable") })
    }

    @Test func theVersionWrittenIsTheOneThisProgramReadsStrictly() throws {
        let folder = try TempFolder()
        let path = try RosterFiles.write([RosterEntry(externalId: "A", name: "A")], to: folder.path("out.xml"), partner: nil)
        let prefix = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(InputPrescan.rootVersion(prefix) == NativeFormat.version)
        #expect(try RosterFiles.read(path: path).warnings.isEmpty)
    }
}

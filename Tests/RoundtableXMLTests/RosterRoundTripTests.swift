import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

@Suite("RosterWriter → RosterReader keeps every field")
struct RosterRoundTripTests {
    /// 2026-01-05T10:00:00.123Z and a withdrawal 1 ms before the next second.
    static let given = Date(timeIntervalSince1970: 1_767_607_200.123)
    static let withdrawn = Date(timeIntervalSince1970: 1_767_700_000.999)

    static let samples: [RosterEntry] = [
        RosterEntry(externalId: "A-1", name: "A\u{308}ija\u{308}la\u{308}, Øystein", email: "a@example.fi",
                    phone: "+358 40 1234567", locale: "fi-FI", timeZone: "Europe/Helsinki", doNotContact: true,
                    attributes: [NamedValue(name: "segment", value: "SMB"),
                                 NamedValue(name: "note", value: #"<b>&amp; "quoted" 'apostrophe' 😀 🇫🇮"#),
                                 NamedValue(name: "empty", value: "")],
                    consents: [ConsentRecord(scope: .contact, version: "2026-01", given: true, at: given),
                               ConsentRecord(scope: .recording, version: "v2 & more", given: false, at: withdrawn)]),
        RosterEntry(externalId: "with inner space", name: "Bo"),
        RosterEntry(externalId: "C-3", name: "Ca\u{1}rl\u{FFFF} Sv\u{B}ensson", email: "carl@example.se",
                    attributes: [NamedValue(name: "tabbed", value: "a\tb\r\nc")]),
    ]

    /// What a reader should give back: composed, control characters gone, times to the millisecond.
    static func expected(_ entry: RosterEntry) throws -> RosterEntry {
        var entry = entry
        entry.name = XMLText.sanitized(entry.name)
        entry.attributes = entry.attributes.map { NamedValue(name: $0.name, value: XMLText.sanitized($0.value)) }
        return comparable(try entry.validated())
    }

    static func comparable(_ entry: RosterEntry) -> RosterEntry {
        var entry = entry
        entry.line = 0
        entry.consents = entry.consents.map {
            var consent = $0
            consent.at = Date(timeIntervalSince1970: ($0.at.timeIntervalSince1970 * 1000).rounded() / 1000)
            return consent
        }
        return entry
    }

    @Test func everyFieldSurvivesAFile() throws {
        let folder = try TempFolder()
        let path = try RosterFiles.write(Self.samples, to: folder.path("roster.xml"), partner: "acme")
        let read = try RosterFiles.read(path: path)
        #expect(read.partner == "acme")
        #expect(read.warnings.isEmpty)
        #expect(read.rejected.isEmpty)
        #expect(read.entries.map(Self.comparable) == (try Self.samples.map(Self.expected)))
        #expect(read.entries.first?.name == "Äijälä, Øystein")
        #expect(read.entries.first.map { !$0.name.unicodeScalars.contains("\u{308}") } == true)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#"at="2026-01-05T10:00:00.123Z""#))
        #expect(text.contains("&lt;b&gt;&amp;amp;"))
    }

    @Test func theSameBytesReadFromMemoryGiveTheSameRows() throws {
        let folder = try TempFolder()
        let path = try RosterFiles.write(Self.samples, to: folder.path("roster.xml"), partner: nil)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 without a byte-order mark")
        let fromFile = try RosterFiles.read(path: path)
        let fromMemory = try RosterFiles.read(bytes: bytes, label: "memory")
        #expect(fromMemory.partner == nil)
        #expect(fromMemory.entries == fromFile.entries)
    }

    @Test func rowsCarryTheLineTheirParticipantStartsOn() throws {
        let folder = try TempFolder()
        let many = (1...2_000).map { RosterEntry(externalId: "N-\($0)", name: "Person \($0)", attributes: [NamedValue(name: "n", value: "\($0)")]) }
        let path = try RosterFiles.write(many, to: folder.path("many.xml"), partner: "bulk")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let starts = lines.indices.filter { lines[$0].contains("<participant ") }.map { $0 + 1 }
        let read = try RosterFiles.read(path: path)
        #expect(read.entries.count == 2_000)
        #expect(read.entries.map(\.line) == starts)
        #expect(read.entries.map(\.externalId) == many.map(\.externalId))
    }

    /// The layout and escaping xmlTextWriter gave rosters before they were written byte by byte.
    @Test func theWrittenBytesAreTheOnesXmlTextWriterWrote() throws {
        let folder = try TempFolder()
        let tricky = RosterEntry(externalId: #"Ä-1 "q" <&>"#, name: "Åsa <&> \"q\" 'a' 😀\r", email: "a@example.fi",
                                 doNotContact: true, attributes: [NamedValue(name: "note", value: "a\tb\r\nc"),
                                                                  NamedValue(name: "empty", value: "")],
                                 consents: [ConsentRecord(scope: .contact, version: "v2 & ö\t", given: false, at: Self.given)])
        let path = try RosterFiles.write([tricky, Self.samples[1]], to: folder.path("bytes.xml"), partner: "a&b")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <roster xmlns="urn:roundtable:xml:1" version="3" partner="a&amp;b">
              <participant id="Ä-1 &quot;q&quot; &lt;&amp;&gt;" doNotContact="true">
                <name>Åsa &lt;&amp;&gt; &quot;q&quot; 'a' 😀&#13;</name>
                <email>a@example.fi</email>
                <attribute name="note">a\tb&#13;
            c</attribute>
                <attribute name="empty"></attribute>
                <consent scope="contact" version="v2 &amp; ö&#9;" given="false" at="2026-01-05T10:00:00.123Z"/>
              </participant>
              <participant id="with inner space">
                <name>Bo</name>
              </participant>
            </roster>

            """)
        let empty = try RosterFiles.write([], to: folder.path("empty.xml"), partner: nil)
        #expect(try String(contentsOfFile: empty, encoding: .utf8)
            == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<roster xmlns=\"urn:roundtable:xml:1\" version=\"3\"/>\n")
    }

    @Test func aWriterThatIsNotFinishedLeavesNoFile() throws {
        let folder = try TempFolder()
        let destination = folder.path("never.xml")
        do {
            let writer = try RosterWriter(destination: destination, partner: "acme")
            try writer.write(Self.samples[1])
            #expect(!FileManager.default.fileExists(atPath: destination), "nothing under the final name before finish()")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        let path = try RosterFiles.write([], to: destination, partner: "acme")
        #expect(try RosterFiles.read(path: path).entries.isEmpty)
    }
}

/// A scratch folder, removed when the value goes away.
final class TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ text: String, _ name: String) throws -> String {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
        return path(name)
    }
}

/// Writing and reading rosters the way the command line does.
enum RosterFiles {
    struct Read {
        var entries: [RosterEntry] = []
        var rejected: [(line: Int, message: String)] = []
        var warnings: [String] = []
        var partner: String?
    }

    static func write(_ entries: [RosterEntry], to path: String, partner: String?) throws -> String {
        let writer = try RosterWriter(destination: path, partner: partner)
        for entry in entries { try writer.write(entry) }
        try writer.finish()
        #expect(writer.count == entries.count)
        return path
    }

    static func read(path: String) throws -> Read { try collect(RosterReader(path: path)) }

    static func read(bytes: [UInt8], label: String) throws -> Read { try collect(RosterReader(bytes: bytes, label: label)) }

    private static func collect(_ reader: RosterReader) throws -> Read {
        var result = Read()
        try reader.read { item in
            switch item {
            case .entry(let entry): result.entries.append(entry)
            case .rejected(let line, let message): result.rejected.append((line, message))
            }
        }
        result.warnings = reader.warningMessages
        result.partner = reader.declaredPartner
        return result
    }
}

import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

@Suite("RosterReader rejects bad rows with their line and keeps the rest")
struct RosterRejectionTests {
    static func roster(_ rows: [String], root: String = #"version="1" partner="acme""#) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<roster xmlns=\"urn:roundtable:xml:1\" \(root)>\n"
            + rows.joined(separator: "\n") + "\n</roster>\n"
    }

    static func row(_ id: String, _ inner: String = "") -> String {
        #"<participant id="\#(id)"><name>Person \#(id)</name>\#(inner)</participant>"#
    }

    static func read(_ text: String) throws -> RosterFiles.Read {
        let folder = try TempFolder()
        return try RosterFiles.read(path: folder.write(text, "roster.xml"))
    }

    @Test func schemaAndRuleViolationsAreRejectedRowByRow() throws {
        let read = try Self.read(Self.roster([
            Self.row("R-1"),
            Self.row("R-2", "<email>not-an-address</email>"),
            Self.row("R-3", #"<timeZone>Mars/Olympus_Mons</timeZone>"#),
            Self.row("R-4", #"<attribute name="a">1</attribute><attribute name="a">2</attribute>"#),
            Self.row("R-5", #"<consent scope="contact" version="1" given="true" at="2026-01-05T10:00:00+02:00"/>"#),
            #"<participant><name>No id</name></participant>"#,
            Self.row("R-7", #"<consent scope="contact" version="1" given="yes" at="2026-01-05T10:00:00Z"/>"#),
            Self.row("R-8"),
        ]))
        #expect(read.entries.map(\.externalId) == ["R-1", "R-8"])
        #expect(read.rejected.map(\.line) == [4, 5, 6, 7, 8, 9])
        let messages = read.rejected.map(\.message)
        #expect(messages[0].contains("email") && messages[0].contains("not-an-address"))
        #expect(messages[1].contains("unknown time zone 'Mars/Olympus_Mons'"))
        #expect(messages[2] == "attribute 'a' is given twice")
        #expect(messages[3].contains("2026-01-05T10:00:00+02:00"), "times in a roster are UTC with Z")
        #expect(messages[4].contains("no id attribute"))
        #expect(messages[5].contains("given"))
    }

    @Test func aRowSpreadOverLinesIsRejectedAtTheLineOfItsError() throws {
        let row = "<participant id=\"M-1\">\n  <name>Multi</name>\n  <email>bad@</email>\n</participant>"
        let read = try Self.read(Self.roster([row, Self.row("M-2")]))
        #expect(read.rejected.map(\.line) == [5])
        #expect(read.entries.map(\.externalId) == ["M-2"])
    }

    @Test
    func anInvalidLastRowIsRejectedLikeAnyOther() throws {
        let read = try Self.read(Self.roster([Self.row("L-1"), Self.row("L-2", "<email>c@example</email>")]))
        #expect(read.entries.map(\.externalId) == ["L-1"])
        #expect(read.rejected.map(\.line) == [4])
    }

    @Test
    func aRootWithoutAValidVersionIsRefusedNotChargedToTheFirstRow() throws {
        for root in [#"partner="acme""#, #"version="0" partner="acme""#] {
            let text = Self.roster([Self.row("V-1"), Self.row("V-2"), Self.row("V-3")], root: root)
            #expect(throws: XMLInputError.self) {
                let read = try Self.read(text)
                #expect(read.rejected.allSatisfy { $0.line != 2 }, "the root's error is not a row's")
            }
        }
    }

    @Test func aWellFormednessErrorStopsTheReadWithItsPosition() throws {
        let text = Self.roster([Self.row("W-1"), #"<participant id="W-2"><name>Bo</nam></participant>"#, Self.row("W-3")])
        let error = try #require(throws: XMLInputError.self) { try Self.read(text) }
        #expect(error.line == 4)
        #expect(error.column > 0)
    }

    @Test
    func aWellFormednessErrorSaysWhatIsWrong() throws {
        let halves = Self.roster([Self.row("U-1", "<phone>@@</phone>")]).components(separatedBy: "@@")
        let bad = Array(halves[0].utf8) + [0xFF, 0xFE] + Array(halves[1].utf8)
        let folder = try TempFolder()
        let path = folder.path("bad.xml")
        try Data(bad).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: XMLInputError.self) { try RosterFiles.read(path: path) }
        #expect(error.message.contains("UTF-8"), "got: \(error.message)")
    }

    /// The root's partner is checked before any row is handed on: a file from another partner is
    /// not that partner's rows with errors, it is the wrong file.
    @Test func aRootNamingAnotherPartnerStopsTheReadBeforeAnyRow() throws {
        let bytes = Array(Self.roster([Self.row("P-1"), Self.row("P-2")], root: #"version="1" partner="other""#).utf8)
        var rows = 0
        let error = try #require(throws: XMLInputError.self) {
            try RosterReader(bytes: bytes, label: "r.xml", partner: "acme").read { _ in rows += 1 }
        }
        #expect(rows == 0)
        #expect(error.line == 2 && error.message == "the roster is from partner 'other', not 'acme'")
        for partner in ["other", " other ", nil] {
            var read = 0
            try RosterReader(bytes: bytes, label: "r.xml", partner: partner).read { _ in read += 1 }
            #expect(read == 2, "partner \(partner ?? "not given") reads the file")
        }
        let unnamed = Array(Self.roster([Self.row("P-1")], root: #"version="1""#).utf8)
        var read = 0
        try RosterReader(bytes: unnamed, label: "r.xml", partner: "acme").read { _ in read += 1 }
        #expect(read == 1, "a file that names no partner is taken as the one given")
    }
}

import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

@Suite("Every roster the writer produces validates against the bundled XSD")
struct RosterSchemaTests {
    static let xmllint = "/usr/bin/xmllint"

    /// Validates in process with the bundled schema; returns every error with its line.
    static func schemaErrors(_ path: String) throws -> [XMLInputError] {
        let reader = try XMLStreamReader(path: path, maxSize: .max, schema: XMLSchema.native())
        do {
            while try reader.next() != nil {}
        } catch let error as XMLInputError {
            let pending = reader.takeErrors()  // a pending validation error is also what next() threw
            return pending.isEmpty ? [error] : pending
        }
        return reader.takeErrors()
    }

    /// Validates with xmllint (nil, with a recorded issue, when it is missing).
    static func xmllintAccepts(_ path: String) throws -> Bool? {
        guard FileManager.default.isExecutableFile(atPath: xmllint) else {
            // scripts/test.sh installs it: a missing xmllint fails the check instead of skipping it.
            Issue.record("xmllint is missing (apt-get install libxml2-utils)")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", "--schema", XMLSchema.nativeSchemaURL.path, path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static let awkward: [RosterEntry] = RosterRoundTripTests.samples + [
        RosterEntry(externalId: String(repeating: "k", count: 200), name: String(repeating: "é", count: 300),
                    email: "x@" + String(repeating: "d", count: 300) + ".fi", phone: "+" + String(repeating: "1", count: 40),
                    locale: "sv_FI-x-ab12", timeZone: "America/Argentina/Buenos_Aires",
                    attributes: [NamedValue(name: String(repeating: "n", count: 200), value: String(repeating: "🇫🇮", count: 5_000))],
                    consents: ConsentScope.allCases.map { ConsentRecord(scope: $0, version: "v-\($0)", given: true,
                                                                        at: Date(timeIntervalSince1970: -86_400.5)) }),
        RosterEntry(externalId: "Z", name: "  spaced  ", timeZone: "UTC"),
    ]

    @Test func theBundledSchemaIsFoundAndCompiles() throws {
        let url = XMLSchema.nativeSchemaURL
        #expect(FileManager.default.fileExists(atPath: url.path))
        _ = try XMLSchema(xsd: try Data(contentsOf: url), label: url.lastPathComponent)
    }

    @Test func awkwardButLegalRowsValidate() throws {
        let folder = try TempFolder()
        let path = try RosterFiles.write(Self.awkward, to: folder.path("awkward.xml"), partner: "acme & sons")
        #expect(try Self.schemaErrors(path).map(\.description) == [])
        if let accepted = try Self.xmllintAccepts(path) { #expect(accepted, "xmllint --schema rejects \(path)") }
        let read = try RosterFiles.read(path: path)
        #expect(read.rejected.isEmpty && read.entries.count == Self.awkward.count)
    }

    @Test func anEmptyRosterWithoutAPartnerValidates() throws {
        let folder = try TempFolder()
        let path = try RosterFiles.write([], to: folder.path("empty.xml"), partner: nil)
        #expect(try Self.schemaErrors(path).isEmpty)
        if let accepted = try Self.xmllintAccepts(path) { #expect(accepted) }
    }

    @Test func theValidatorIsLive() throws {
        let folder = try TempFolder()
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <roster xmlns="urn:roundtable:xml:1" version="1">
            <participant id="A"><name>Ok</name></participant>
            <participant id="B"><name>Bad</name><email>nobody</email></participant>
            <participant id="C"><name>Ok</name></participant>
            </roster>
            """
        let path = try folder.write(text, "invalid.xml")
        let errors = try Self.schemaErrors(path)
        #expect(errors.map(\.line) == [4])
        if let accepted = try Self.xmllintAccepts(path) { #expect(!accepted) }
    }

    @Test(arguments: [
        ("a name of 301 characters", RosterEntry(externalId: "L", name: String(repeating: "x", count: 301))),
        ("a line break inside a name", RosterEntry(externalId: "N", name: "Aino\nVirtanen")),
        ("a name of control characters only", RosterEntry(externalId: "C", name: "\u{1}\u{2}")),
        ("a value over 10,000 code points", RosterEntry(externalId: "F", name: "F",
                                                          attributes: [NamedValue(name: "f", value: String(repeating: "🇫🇮", count: 5_001))])),
    ])
    func theWriterDoesNotCheckLimitsSoCallersMust(what: String, entry: RosterEntry) throws {
        // The writer streams what it is given; these rows only stay out of exports if the
        // rules at entry (Core) refuse them first. See RosterImportCLITests for the command line.
        let folder = try TempFolder()
        let path = try RosterFiles.write([entry], to: folder.path("limit.xml"), partner: nil)
        #expect(try Self.schemaErrors(path).count >= 1, "\(what)")
        if let accepted = try Self.xmllintAccepts(path) { #expect(!accepted, "\(what)") }
    }
}

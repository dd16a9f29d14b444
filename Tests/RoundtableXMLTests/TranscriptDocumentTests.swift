import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

/// Collects what a transcript reader feeds.
final class CollectedTranscript: TranscriptSink {
    var header: TranscriptHeader?
    var codes: [Code] = []
    var entries: [TranscriptEntry] = []

    func header(_ header: TranscriptHeader) throws { self.header = header }
    func codebook(_ codes: [Code]) throws { self.codes = codes }
    func entry(_ entry: TranscriptEntry) throws { entries.append(entry) }
}

@Suite("Native transcript documents")
struct TranscriptDocumentTests {
    static let at = Date(timeIntervalSince1970: 1_795_000_000.25)
    static let header = TranscriptHeader(session: EntityKey(.session, id: 3), title: "Mobile banking & <savings>",
                                         start: at, timeZone: "Europe/Helsinki", pseudonymized: false)
    static let codes = [Code(id: 1, name: "Price and value", description: "What it costs", color: "#d62728", createdAt: at),
                        Code(id: 2, parentId: 1, name: "Too expensive", createdAt: at)]

    static func entries() -> [TranscriptEntry] {
        let first = Utterance(sessionId: 3, sequence: 1, moderatorId: 1, speakerLabel: "Åsa Lindqvist", startMs: 0,
                              text: "Welcome, everyone.")
        let second = Utterance(sessionId: 3, sequence: 2, participantId: 7, speakerLabel: "Äijälä, Tuulikki", startMs: 65_250,
                               endMs: 70_000, text: "The fee 😀 is \"too\" high & <unclear>")
        let coding = Coding(codeId: 2, target: .utterance(0), span: TextSpan(start: 4, end: 7), coder: "ana", createdAt: at)
        let whole = Coding(codeId: 1, target: .utterance(0), span: nil, coder: "ana", createdAt: at)
        return [TranscriptEntry(utterance: first, speaker: first.speakerLabel, codings: []),
                TranscriptEntry(utterance: second, speaker: second.speakerLabel, codings: [coding, whole])]
    }

    static func write(_ folder: TempFolder, header: TranscriptHeader = header) throws -> String {
        let path = folder.path("transcript.xml")
        let writer = try TranscriptWriter(destination: path)
        try writer.header(header)
        try writer.codebook(codes)
        for entry in entries() { try writer.entry(entry) }
        try writer.finish()
        return path
    }

    @Test func aWrittenTranscriptValidatesAndReadsBackTheSame() throws {
        let folder = try TempFolder()
        let path = try Self.write(folder)
        #expect(try RosterSchemaTests.schemaErrors(path).map(\.description) == [])
        if let accepted = try RosterSchemaTests.xmllintAccepts(path) { #expect(accepted) }
        let read = CollectedTranscript()
        try TranscriptReader(path: path).read(into: read)
        #expect(read.header?.session == Self.header.session)
        #expect(read.header?.title == Self.header.title)
        #expect(read.header?.start == Self.header.start)
        #expect(read.codes.map(\.name) == ["Price and value", "Too expensive"])
        #expect(read.codes.map(\.parentId) == [nil, 1])
        #expect(read.codes.first?.color == "#d62728")
        let expected = Self.entries()
        #expect(read.entries.map(\.utterance.text) == expected.map(\.utterance.text))
        #expect(read.entries.map(\.speaker) == expected.map(\.speaker))
        #expect(read.entries.map(\.utterance.participantId) == [nil, 7])
        #expect(read.entries.map(\.utterance.moderatorId) == [1, nil])
        #expect(read.entries.map(\.utterance.startMs) == [0, 65_250])
        #expect(read.entries[1].codings.map(\.span) == [TextSpan(start: 4, end: 7), nil])
        #expect(read.entries[1].codings.map(\.codeId) == [2, 1])
        #expect(read.entries[1].line > read.entries[0].line)
    }

    @Test func aPseudonymizedTranscriptCarriesNoPersonKeys() throws {
        let folder = try TempFolder()
        var header = Self.header
        header.pseudonymized = true
        let path = try Self.write(folder, header: header)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#"pseudonymized="true""#))
        #expect(!text.contains("participant=") && !text.contains("moderator="))
        #expect(try RosterSchemaTests.schemaErrors(path).isEmpty)
    }

    @Test func aCodingWithOnlyAStartIsRefusedWithItsLine() throws {
        let folder = try TempFolder()
        let path = try folder.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <transcript xmlns="urn:roundtable:xml:1" version="2">
              <title>T</title>
              <codebook><code id="1"><name>Q</name></code></codebook>
              <utterance seq="1"><speaker>A</speaker><text>hello</text>
                <coding code="1" start="2" coder="x" at="2026-01-01T00:00:00Z"/></utterance>
            </transcript>
            """, "broken.xml")
        #expect(throws: XMLInputError.self) { try TranscriptReader(path: path).read(into: CollectedTranscript()) }
        do {
            try TranscriptReader(path: path).read(into: CollectedTranscript())
        } catch let error as XMLInputError {
            #expect(error.line == 6)
            #expect(error.message.contains("both start and end"))
        }
    }

    @Test func theStarterCodebookReadsAsPathsParentsFirst() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/roundtable/Resources/templates/codebooks/customer-satisfaction.xml")
        #expect(try RosterSchemaTests.schemaErrors(url.path).isEmpty)
        let entries = try CodebookReader(path: url.path).read()
        #expect(entries.count == 22)
        #expect(entries.contains { $0.path == ["Channel", "Phone"] })
        #expect(entries.contains { $0.path == ["Problem resolution", "Unresolved"] })
        let paths = entries.map(\.path)
        for (index, path) in paths.enumerated() where path.count > 1 {
            #expect(paths[..<index].contains(Array(path.dropLast())), "the parent of \(path) comes first")
        }
    }
}

import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

/// Issue 11: `import refi` applied selections past the end of their source, decoded Latin-1 text
/// with replacement characters, and took a project whose sources it could not read for a codebook.
@Suite("REFIProjectReader keeps selections inside their source and refuses text it cannot read")
struct REFIProjectReaderTests {
    static let source = "E1A1B2C3-0000-4000-8000-000000000001"
    static let code = "C0DE0000-0000-4000-8000-000000000001"

    /// A project with one code, one text source (`text` in `sources/<guid>.txt`, or inline) and `inside` in its element.
    static func project(_ inside: String = "", text: [UInt8]? = Array("Anna: Hei kaikki\nBo: Moi\n".utf8), inline: String? = nil,
                        extraSources: String = "", cases: String = "") -> ZipFixture {
        var zip = ZipFixture()
        let content = inline.map { "<PlainTextContent>\($0)</PlainTextContent>" } ?? ""
        zip.text("project.qde", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="p">
            <CodeBook><Codes><Code guid="\(code)" name="Greeting" isCodable="true"/></Codes></CodeBook>
            <Variables><Variable guid="5E550000-0000-4000-8000-000000000001" name="session start" typeOfVariable="DateTime"/></Variables>
            \(cases)
            <Sources>
            <TextSource guid="\(source)" name="Kahvila" plainTextPath="internal://\(source).txt">\(content)
            \(inside)
            </TextSource>
            \(extraSources)
            </Sources>
            </Project>
            """)
        if let text { zip.stored("sources/\(source).txt", text) }
        return zip
    }

    static func read(_ zip: ZipFixture, codebookOnly: Bool = false) throws -> REFIImportProject {
        let folder = try TempFolder()
        let path = folder.path("p.qdpx")
        try zip.write(to: path)
        return try REFIProjectReader(path: path, codebookOnly: codebookOnly).read()
    }

    static func selection(_ guid: Int, _ start: Int, _ end: Int) -> String {
        """
        <PlainTextSelection guid="5E1E0000-0000-4000-8000-00000000000\(guid)" startPosition="\(start)" endPosition="\(end)">\
        <Coding guid="C0D10000-0000-4000-8000-00000000000\(guid)"><CodeRef targetGUID="\(code)"/></Coding></PlainTextSelection>
        """
    }

    @Test func selectionsOutsideTheirSourceAreListedCountedAndNotApplied() throws {
        let project = try Self.read(Self.project(Self.selection(1, 6, 9) + Self.selection(2, 846, 999_999) + Self.selection(3, 9, 6)))
        #expect(project.sources.map { $0.selections.map(\.start) } == [[6]])
        #expect(project.selectionsNotApplied == 2)
        #expect(project.warnings.contains { $0.hasSuffix("selection 5e1e0000-0000-4000-8000-000000000002 846..<999999 lies outside "
                                                         + "source 'Kahvila', which is 25 characters long; its 1 codings are not applied") },
                "\(project.warnings)")
        #expect(project.warnings.contains { $0.contains("selection 5e1e0000-0000-4000-8000-000000000003 9..<6 is not a range") })
    }

    @Test func aSourceThatIsNotUTF8IsAnErrorNamingItAndTheByte() throws {
        let error = try #require(throws: XMLInputError.self) { try Self.read(Self.project(text: [0x63, 0x61, 0x66, 0xE9, 0x0A])) }
        #expect(error.message.hasSuffix("source 'Kahvila' (sources/\(Self.source).txt) is not UTF-8 text (byte 0xE9 at offset 3); "
                                        + "REFI-QDA requires UTF-8: convert it and export again"), "\(error)")
        #expect(error.file.hasSuffix("p.qdpx") && error.message.hasPrefix("project.qde:7: "))
        // A byte-order mark is fine.
        #expect(try Self.read(Self.project(text: [0xEF, 0xBB, 0xBF] + Array("café\n".utf8))).sources.first?.text == "café\n")
    }

    @Test func aSourceWhoseTextIsMissingIsAnErrorButInlineTextIsRead() throws {
        let error = try #require(throws: XMLInputError.self) { try Self.read(Self.project(text: nil)) }
        #expect(error.message == "project.qde:7: source 'Kahvila': its plain text (internal://\(Self.source).txt) is not in the archive")
        let inline = try Self.read(Self.project(text: nil, inline: "Anna: inline"))
        #expect(inline.sources.map(\.text) == ["Anna: inline"])
    }

    @Test func sourcesOfKindsThatCannotBeReadAreNotACodebook() throws {
        let pdfOnly = try Self.read(Self.project(text: nil, inline: "x", extraSources: #"<PDFSource guid="F0000000-0000-4000-8000-000000000001"/>"#))
        #expect(pdfOnly.sourcesNotBroughtAcross == nil)
        var zip = ZipFixture()
        zip.text("project.qde", #"<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><PDFSource guid="F0000000-0000-4000-8000-000000000001"/>"#
                 + #"<VideoSource guid="F0000000-0000-4000-8000-000000000002"/></Sources></Project>"#)
        let onlyMedia = try Self.read(zip)
        #expect(onlyMedia.sourcesNotBroughtAcross == "none of the project's 2 sources is a text source that can be brought across")
        var codebook = ZipFixture()
        codebook.text("project.qde", #"<Project xmlns="urn:QDA-XML:project:1.0" name="p"></Project>"#)
        #expect(try Self.read(codebook).sourcesNotBroughtAcross == nil)
        // Codebook only: the missing text is not even looked for.
        let only = try Self.read(Self.project(text: nil), codebookOnly: true)
        #expect(only.sources.isEmpty && only.codes.count == 1 && only.declaredSources == 1)
    }

    @Test func sessionVariablesAndCaseReferencesToTurnsAreRead() throws {
        let project = try Self.read(Self.project("""
            <PlainTextSelection guid="5E1E0000-0000-4000-8000-0000000000AA" startPosition="6" endPosition="16"/>
            <VariableValue><VariableRef targetGUID="5E550000-0000-4000-8000-000000000001"/>\
            <DateTimeValue>2026-11-13T15:30:00Z</DateTimeValue></VariableValue>
            """, cases: """
            <Cases><Case guid="CA5E0000-0000-4000-8000-000000000001" name="Anna Äijälä">\
            <SourceRef targetGUID="\(Self.source)"/><SelectionRef targetGUID="{5E1E0000-0000-4000-8000-0000000000AA}"/></Case></Cases>
            """))
        #expect(project.sources.first?.variable(REFISessionVariables.start) == "2026-11-13T15:30:00Z")
        #expect(project.selectionOwners.cases(of: "5e1e0000-0000-4000-8000-0000000000aa") == [0])
        #expect(project.selectionOwners.count == 1)
        #expect(project.cases.map(\.sourceGUIDs) == [[Self.source.lowercased()]])
        #expect(!project.warnings.contains { $0.contains("SourceRef") || $0.contains("VariableValue") }, "\(project.warnings)")
        var warnings: [String] = []
        let source = try #require(project.sources.first)
        let turns = REFITurnSplitter.split(try #require(source.text), selections: source.selections, source: "s", warnings: &warnings)
        #expect(REFICaseLinks.speakers(of: turns, selections: source.selections, owners: project.selectionOwners,
                                       cases: project.cases, source: "s", warnings: &warnings) == [0, nil])
    }

    @Test func nvivoPositionsInUTF16UnitsAreConvertedInOnePass() {
        let text = "😀a\n" + String(repeating: "x", count: 10)
        let converted = REFIProjectReader.scalarOffsets([REFIImportSelection(start: 2, end: 3, codeGUIDs: [], line: 1),
                                                         REFIImportSelection(start: 4, end: 14, codeGUIDs: [], line: 2)], in: text)
        #expect(converted.map { [$0.start, $0.end] } == [[1, 2], [3, 13]])
    }
}

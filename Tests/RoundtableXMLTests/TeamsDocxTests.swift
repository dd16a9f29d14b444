import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

/// Teams transcripts saved as Word documents, read through the hardened zip and XML readers, and
/// transcript files read a line at a time.
@Suite("TeamsDocxParagraphs and InputLines")
struct TeamsDocxTests {
    static let w = TeamsDocxParagraphs.namespace

    static func document(_ body: String, prolog: String = "") -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + prolog + "\n"
            + #"<w:document xmlns:w="\#(w)" xmlns:x="urn:other"><w:body>"# + "\n" + body + "\n</w:body></w:document>"
    }

    static func docx(_ document: String, in folder: TempFolder, entry: String = "word/document.xml") throws -> String {
        var zip = ZipFixture()
        zip.text("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        zip.text(entry, document)
        let path = folder.path("t.docx")
        try zip.write(to: path)
        return path
    }

    static func paragraphs(_ path: String) throws -> [(Int, String)] {
        let reader = try TeamsDocxParagraphs(path: path, maxSize: 1 << 20)
        var result: [(Int, String)] = []
        while let line = try reader.nextLine() { result.append((reader.lineNumber, line)) }
        return result
    }

    @Test func paragraphsAreRunsTextWithTabsAndBreaksAndTheirLines() throws {
        let folder = try TempFolder()
        let path = try Self.docx(Self.document("""
            <w:p><w:r><w:t>Aino Virtanen</w:t></w:r><w:r><w:tab/><w:t>0:03</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Hei </w:t></w:r><w:r><w:br/><w:t>&amp; moi</w:t><w:delText>poistettu</w:delText></w:r><x:p>not Word</x:p></w:p>
            <w:p/>
            """), in: folder)
        let read = try Self.paragraphs(path)
        #expect(read.map(\.1) == ["Aino Virtanen\t0:03", "Hei  & moi", ""])
        #expect(read.map(\.0) == [3, 4, 5])
    }

    @Test func aDoctypeIsRefusedWithTheEntryInTheLocation() throws {
        let folder = try TempFolder()
        let path = try Self.docx(Self.document("<w:p/>", prolog: #"<!DOCTYPE w:document [<!ENTITY x "y">]>"#), in: folder)
        let error = try #require(throws: (any Error).self) { try Self.paragraphs(path) }
        #expect("\(error)".contains("t.docx:word/document.xml"))
    }

    @Test func notAWordDocumentIsSaidSo() throws {
        let folder = try TempFolder()
        #expect(throws: XMLInputError(file: folder.path("t.docx"), message: "not a Word document: the archive has no word/document.xml")) {
            try TeamsDocxParagraphs(path: try Self.docx("<x/>", in: folder, entry: "word/other.xml"), maxSize: 1 << 20)
        }
        let wrongRoot = try Self.docx(#"<?xml version="1.0"?><document xmlns="urn:x"/>"#, in: folder)
        #expect(throws: RoundtableError.rule("\(wrongRoot):word/document.xml:1:47: expected <w:document> in namespace \(Self.w)")) {
            try Self.paragraphs(wrongRoot)
        }
    }

    static func lines(_ bytes: [UInt8], in folder: TempFolder) throws -> [String] {
        let path = folder.path("t.txt")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try InputLines(path: path, maxSize: 1 << 24)
        var result: [String] = []
        while let line = try reader.nextLine() { result.append(line) }
        return result
    }

    @Test func linesEndInLFCRLFOrCRInUTF8OrUTF16() throws {
        let folder = try TempFolder()
        #expect(try Self.lines(Array("\u{FEFF}a\r\nb\rc\n\nä".utf8), in: folder) == ["a", "b", "c", "", "ä"])
        let text = "Äijälä: 𝄞 hei\r\nmoi\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try Self.lines(little, in: folder) == ["Äijälä: 𝄞 hei", "moi"])
        #expect(try Self.lines(big, in: folder) == ["Äijälä: 𝄞 hei", "moi"])
        // Lines across many chunks, and a CRLF split between two reads.
        let long = String(repeating: "x", count: (64 << 10) - 1) + "\r\n" + String(repeating: "y", count: 200_000) + "\n"
        #expect(try Self.lines(Array(long.utf8), in: folder).map(\.count) == [(64 << 10) - 1, 200_000])
    }

    @Test func aLineThatIsNotUTF8IsNamed() throws {
        let folder = try TempFolder()
        #expect(throws: RoundtableError.rule("\(folder.path("t.txt")):2: the file is not UTF-8 text; save it as UTF-8 and import it again")) {
            try Self.lines(Array("ok\n".utf8) + [0xC4, 0x0A], in: folder)
        }
    }
}

import Foundation
import Testing
@testable import RoundtableXML

@Suite("Input prescan: what is refused before libxml2 sees a byte")
struct InputPrescanTests {
    static let prolog = #"<?xml version="1.0" encoding="UTF-8"?>"#

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func utf16LE(_ text: String, bom: Bool = true) -> [UInt8] {
        (bom ? [0xFF, 0xFE] : []) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static func utf16BE(_ text: String, bom: Bool = true) -> [UInt8] {
        (bom ? [0xFE, 0xFF] : []) + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    @Test(arguments: [
        ([0x1F, 0x8B, 0x08, 0x00], "gzip"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00], "xz"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14], "zip"),
        ([0x42, 0x5A, 0x68, 0x39], "bzip2"),
        ([0x28, 0xB5, 0x2F, 0xFD, 0x00], "zstd"),
    ] as [([UInt8], String)])
    func compressedInputIsNamedAndRefusedAtOneOne(magic: [UInt8], format: String) throws {
        #expect(InputPrescan.compressedFormat(magic) == format)
        let error = try #require(throws: XMLInputError.self) { try InputPrescan.check(magic + [0, 0, 0], file: "in.xml") }
        #expect(error.line == 1 && error.column == 1)
        #expect(error.message.contains(format))
        #expect(error.description.hasPrefix("in.xml:1:1: this is a \(format) file"))
    }

    @Test func plainXMLAndNearMissesAreNotCompressed() {
        #expect(InputPrescan.compressedFormat(Self.bytes(Self.prolog)) == nil)
        #expect(InputPrescan.compressedFormat([0x1F]) == nil)
        #expect(InputPrescan.compressedFormat([0x50, 0x4B, 0x05, 0x06]) == nil)  // an empty zip's end record, not a local header
        #expect(InputPrescan.compressedFormat([0xFD, 0x37, 0x7A, 0x58, 0x5A]) == nil)
    }

    @Test func anEmptyFileIsRefusedWithoutALocation() throws {
        let error = try #require(throws: XMLInputError.self) { try InputPrescan.check([], file: "empty.xml") }
        #expect(error.description == "empty.xml: the file is empty")
    }

    @Test func aDoctypeIsFoundWithItsLineAndColumn() throws {
        let text = Self.prolog + "\n<!-- a partner's comment -->\n   <!DOCTYPE roster [<!ENTITY x \"y\">]>\n<roster/>"
        #expect(InputPrescan.scanProlog(text) == .doctype(line: 3, column: 4))
        let error = try #require(throws: XMLInputError.self) { try InputPrescan.check(Self.bytes(text), file: "r.xml") }
        #expect(error.line == 3 && error.column == 4)
        #expect(error.description.hasPrefix("r.xml:3:4: DOCTYPE declarations are not accepted"))
    }

    @Test func aDoctypeInUTF16IsFoundToo() throws {
        let text = Self.prolog.replacingOccurrences(of: "UTF-8", with: "UTF-16") + "\n<!DOCTYPE roster SYSTEM \"evil.dtd\">\n<roster/>"
        for encoded in [Self.utf16LE(text), Self.utf16BE(text), Self.utf16LE(text, bom: false), Self.utf16BE(text, bom: false)] {
            let error = try #require(throws: XMLInputError.self) { try InputPrescan.check(encoded, file: "u.xml") }
            #expect(error.line == 2 && error.column == 1)
        }
    }

    @Test func theRootElementEndsTheSearchSoLaterDoctypeLikeTextIsData() throws {
        let text = Self.prolog + "\n<?pi x?><!-- a comment -->\n<roster><!-- <!DOCTYPE x> -->&lt;!DOCTYPE</roster>"
        #expect(InputPrescan.scanProlog(text) == .rootElement)
        try InputPrescan.check(Self.bytes(text), file: "ok.xml")
        #expect(InputPrescan.scanProlog(Self.prolog + "\n<!-- never closed") == .unfinished)
        // Conservative by design: DOCTYPE-like text in a comment before the root is refused too.
        #expect(InputPrescan.scanProlog("<!-- <!DOCTYPE x> -->\n<roster/>") == .doctype(line: 1, column: 6))
    }

    @Test func aPrologLongerThanTheWindowIsRefused() throws {
        let text = Self.prolog + "\n<!--" + String(repeating: "x", count: InputPrescan.window) + "-->"
        let error = try #require(throws: XMLInputError.self) {
            try InputPrescan.check(Array(Self.bytes(text).prefix(InputPrescan.window)), file: "long.xml")
        }
        #expect(error.message.contains("no root element"))
    }

    @Test func utf16PrefixesAreDecodedByTheirByteOrderMark() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><roster version=\"1\">Äö€😀"
        #expect(InputPrescan.decodedPrefix(Self.utf16LE(text)) == "\u{FEFF}" + text)
        #expect(InputPrescan.decodedPrefix(Self.utf16BE(text)) == "\u{FEFF}" + text)
        #expect(InputPrescan.decodedPrefix(Self.utf16LE(text, bom: false)) == text)
        #expect(InputPrescan.decodedPrefix(Self.utf16BE(text, bom: false)) == text)
        // An odd trailing byte (a cut-off prefix) is dropped, not misread.
        #expect(InputPrescan.decodedPrefix(Self.utf16LE("<a>") + [0x3C]) == "\u{FEFF}<a>")
        // Other encodings are read as ASCII, with every other byte a placeholder.
        #expect(InputPrescan.decodedPrefix([0x3C, 0x61, 0xE4, 0xC3, 0xA4, 0x3E]) == "<a???>")
    }

    @Test(arguments: [
        (#"<roster xmlns="urn:roundtable:xml:1" version="1">"#, 1),
        (#"<roster version = '2' partner="acme">"#, 2),
        ("<roster\n    partner=\"acme\"\n    version=\"17\">", 17),
        (#"<?xml version="1.0"?><!-- version="9" --><roster version="3"/>"#, 3),
        (#"<?xml version="1.0"?><roster partner="acme">"#, nil),
        (#"<roster xversion="5">"#, nil),
        (#"<roster version="two">"#, nil),
        (#"<?xml version="1.0"?>"#, nil),
    ] as [(String, Int?)])
    func rootVersionIsReadFromTheRootStartTagOnly(text: String, expected: Int?) {
        #expect(InputPrescan.rootVersion(Self.bytes(text)) == expected)
    }

    @Test func rootVersionIsReadFromUTF16Too() {
        #expect(InputPrescan.rootVersion(Self.utf16LE(#"<?xml version="1.0" encoding="UTF-16"?><roster version="4">"#)) == 4)
        #expect(InputPrescan.rootVersion(Self.utf16BE(#"<roster version="2">"#)) == 2)
    }
}

import Foundation
import Testing
@testable import RoundtableXML

/// The CSV and JSON array writers behind `export segments` and the code reports.
@Suite("CSV and JSON array writers")
struct CSVWriterTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
    }

    @Test("records are RFC 4180 in UTF-8 with no byte order mark, and the file appears only when finished")
    func records() throws {
        let path = folder + "/out.csv"
        let writer = try CSVWriter(destination: path)
        try writer.write(["name", "said"])
        try writer.write(["Åsa", "yes, \"no\"\nmaybe"])
        #expect(!FileManager.default.fileExists(atPath: path), "written under a temporary name until finished")
        try writer.finish()
        #expect(writer.records == 2)
        #expect(try bytes("out.csv") == Array("name,said\r\nÅsa,\"yes, \"\"no\"\"\nmaybe\"\r\n".utf8))
    }

    @Test("a byte order mark only when asked for, before the header")
    func byteOrderMark() throws {
        let writer = try CSVWriter(destination: folder + "/excel.csv", byteOrderMark: true)
        try writer.write(["Øystein"])
        try writer.finish()
        #expect(try bytes("excel.csv") == [0xEF, 0xBB, 0xBF] + Array("Øystein\r\n".utf8))
    }

    @Test("many records pass the buffer's size and come out whole and in order")
    func largeFile() throws {
        let writer = try CSVWriter(destination: folder + "/large.csv")
        for number in 0..<20_000 { try writer.write([String(number), "Äijälä, \(number)"]) }
        try writer.finish()
        let lines = String(decoding: try bytes("large.csv"), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.count == 20_001)
        #expect(lines[19_999] == "19999,\"Äijälä, 19999\"")
        #expect(lines.last == "")
    }

    @Test("a JSON array written element by element parses back; an empty one is []")
    func jsonArray() throws {
        struct Element: Encodable { var name: String; var text: String }
        let writer = try JSONArrayWriter(destination: folder + "/rows.json")
        try writer.write(Element(name: "Åsa", text: "two\nlines"))
        try writer.write(Element(name: "Øystein", text: "\"quoted\""))
        try writer.finish()
        let parsed = try JSONSerialization.jsonObject(with: Data(try bytes("rows.json"))) as? [[String: String]]
        #expect(parsed == [["name": "Åsa", "text": "two\nlines"], ["name": "Øystein", "text": "\"quoted\""]])
        let empty = try JSONArrayWriter(destination: folder + "/empty.json")
        try empty.finish()
        #expect(try bytes("empty.json") == Array("[]\n".utf8))
    }
}

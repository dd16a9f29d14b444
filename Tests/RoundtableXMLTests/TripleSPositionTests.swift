import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

/// Positions and widths are checked before anything depends on them: a variable at column two
/// billion used to build a two-gigabyte string per row.
@Suite("Triple-S positions are checked against the record before anything is allocated")
struct TripleSPositionTests {
    static func reader(_ data: String, position: String, in folder: TempFolder) throws -> TripleSReader {
        let path = try TripleSTests.sample1(with: data, in: folder) { sss in
            sss.replacingOccurrences(of: #"<position start="46" />"#, with: position)
        }
        return try TripleSReader(path: path, mapping: TripleSMapping(flags: ["name=Q3"]))
    }

    @Test(arguments: [#"<position start="46" finish="2000000000"/>"#, #"<position start="46" finish="9223372036854775807"/>"#,
                      #"<position start="2000000000"/>"#])
    func aPositionPastAnyRecordIsRefusedAtOnce(position: String) throws {
        let folder = try TempFolder()
        let clock = ContinuousClock()
        let started = clock.now
        let error = try #require(throws: XMLInputError.self) {
            try Self.reader(TripleSTests.goodLine + "\r\n", position: position, in: folder)
        }
        #expect(error.message.contains("Q6 (ident 6): position"), "\(error)")
        #expect(error.message.contains("is past the last column a record may have (1000000)"), "\(error)")
        #expect(clock.now - started < .seconds(2))
    }

    @Test func aVariableWiderThanEveryRecordIsAnErrorAndOnePastThemIsBlankWithAWarning() throws {
        let folder = try TempFolder()
        let wide = try #require(throws: XMLInputError.self) {
            try Self.reader(TripleSTests.goodLine + "\r\n", position: #"<position start="46" finish="900000"/>"#, in: folder)
        }
        #expect(wide.message == "variable Q6 (ident 6): columns 46–900000 are wider than the longest record in survey.asc (54 characters)")
        // Editors trim trailing blanks: a last column past every line is blank in every row, not an error.
        let path = try TripleSTests.sample1(with: TripleSTests.goodLine + "\r\n", in: folder) { sss in
            sss.replacingOccurrences(of: #"<position start="48" finish="54"/>"#, with: #"<position start="60" finish="66"/>"#)
        }
        let read = try TripleSTests.read(path, "name=Q3")
        #expect(read.entries.count == 1 && TripleSTests.values(read.entries[0])["Q99"] == "")
        #expect(read.warnings.first?.contains("Q99 (ident 99): columns 60–66 lie past the end of every record in survey.asc "
                                              + "(the longest is 54 characters), so it is blank in every row") == true, "\(read.warnings)")
    }

    @Test func theLongestRecordIsCountedInUTF16WithoutBeingFooledByA0ABytePair() throws {
        let folder = try TempFolder()
        try FileManager.default.copyItem(atPath: TripleSTests.sample(4), toPath: folder.path("s.sss"))
        var data = Data([0xFF, 0xFE])
        // U+0A0A holds a 0x0A byte at an even offset; it is not a line end.
        data.append("00000004271\u{0A0A}\r\n0000000435\r\n".data(using: .utf16LittleEndian)!)
        try data.write(to: folder.url.appendingPathComponent("s.asc"))
        let reader = try TripleSReader(path: folder.path("s.sss"), mapping: TripleSMapping(flags: ["name=foyer"]))
        #expect(reader.warningMessages.filter { $0.contains("past the end") }.isEmpty)
    }

    @Test func aRowIsSlicedOnlyAsFarAsItsLineGoes() throws {
        let folder = try TempFolder()
        // Q99 sits in columns 48–54; a line cut after column 47 reads it as blank.
        let read = try TripleSTests.read(try TripleSTests.sample1(with: String(TripleSTests.goodLine.prefix(47)) + "\r\n", in: folder),
                                         "name=Q3")
        #expect(read.entries.count == 1 && TripleSTests.values(read.entries[0])["Q99"] == "")
    }

    @Test func aRowsCodeIsFoundByValueNotByScanningEveryDeclaredCode() throws {
        let codes = (1...50_000).map { TripleSCode(code: String($0), label: "L\($0)") } + [TripleSCode(code: "x", label: "Ex")]
        let index = TripleSCodeIndex(codes)
        #expect(index.position(of: "0042", number: TripleSNumber.parse("0042")) == 41)
        #expect(index.position(of: "x", number: nil) == 50_000)
        #expect(index.position(of: "y", number: nil) == nil)
        let clock = ContinuousClock()
        let started = clock.now
        for value in 1...50_000 { _ = index.position(of: String(value), number: Decimal(value)) }
        #expect(clock.now - started < .seconds(2))
    }
}

import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

@Suite("REFI-QDA codebooks (.qdc)")
struct REFICodebookTests {
    /// `../shared/interop/` beside the checkout, where CI keeps the other tools' schemas and files.
    static let interop = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/interop")
    static let schema = interop.appendingPathComponent("schemas/refi/Codebook-mrt2019.xsd").path
    static let at = Date(timeIntervalSince1970: 1_795_000_000)

    static let codes = [
        Code(id: 1, name: "Price and value", description: "What it costs & <why>", color: "#d62728", createdAt: at,
             guid: "0f8fad5b-d9cb-469f-a165-70867728950e"),
        Code(id: 2, parentId: 1, name: "Too expensive 😬", createdAt: at, guid: "7c9e6679-7425-40de-944b-e07fc1f90ae7"),
        Code(id: 3, name: "A\u{308}ijälä's channel", color: "#aabbcc", createdAt: at, guid: "16fd2706-8baf-433b-82eb-8c7fada847da"),
        Code(id: 4, parentId: 2, name: "Way too expensive", createdAt: at, guid: "886313e1-3b8a-5372-9b90-0c9aee199e5d"),
    ]

    @Test func aWrittenCodebookValidatesAndReadsBack() throws {
        let folder = try TempFolder()
        let path = folder.path("codebook.qdc")
        try REFICodebookWriter.write(Self.codes, to: path, origin: "Roundtable test")
        #expect(try InteropValidation.errors(inFile: path, schemaPath: Self.schema) == [])
        let reader = try REFICodebookReader(path: path)
        let entries = try reader.read()
        #expect(reader.warnings.isEmpty)
        #expect(entries.map(\.path) == [["Price and value"], ["Price and value", "Too expensive 😬"],
                                        ["Price and value", "Too expensive 😬", "Way too expensive"], ["A\u{308}ijälä's channel"]])
        #expect(entries.map(\.guid) == [Self.codes[0].guid, Self.codes[1].guid, Self.codes[3].guid, Self.codes[2].guid])
        #expect(entries[0].description == "What it costs & <why>")
        #expect(entries.map(\.color) == ["#d62728", nil, nil, "#aabbcc"])
    }

    @Test func anEmptyCodebookIsRefusedRatherThanWrittenInvalid() throws {
        let folder = try TempFolder()
        #expect(throws: RoundtableError.self) { try REFICodebookWriter.write([], to: folder.path("empty.qdc"), origin: "x") }
    }

    @Test func taguettesCodebookReadsWithAWarningAboutItsEmptySets() throws {
        let path = Self.interop.appendingPathComponent("samples/refi/taguette141_uto_tag_codebook.qdc").path
        #expect(try !InteropValidation.errors(inFile: path, schemaPath: Self.schema).isEmpty, "the sample really is invalid")
        let reader = try REFICodebookReader(path: path)
        let entries = try reader.read()
        #expect(entries.map(\.path) == [["xsd:element name"], ["CodeBook"], ["Variables"]])
        #expect(entries.first?.guid == "098ac082-a9c7-50f4-9728-48730081a95e", "upper-case GUIDs are read in canonical form")
        #expect(reader.warnings.count == 1)
        #expect(reader.warnings.first?.contains("empty <Sets/>") == true)
    }

    @Test func bracedGUIDsSetsAndUncodableCodesAreReadLeniently() throws {
        let folder = try TempFolder()
        let path = try folder.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other tool">
              <Codes>
                <Code guid="{0F8FAD5B-D9CB-469F-A165-70867728950E}" name="Themes" isCodable="false">
                  <Code guid="7C9E6679-7425-40DE-944B-E07FC1F90AE7" name="Speed" isCodable="true" color="#F00"/>
                </Code>
              </Codes>
              <Sets><Set guid="16fd2706-8baf-433b-82eb-8c7fada847da" name="Favourites"><MemberCode guid="7c9e6679-7425-40de-944b-e07fc1f90ae7"/></Set></Sets>
            </CodeBook>
            """, "other.qdc")
        let reader = try REFICodebookReader(path: path)
        let entries = try reader.read()
        #expect(entries.map(\.guid) == ["0f8fad5b-d9cb-469f-a165-70867728950e", "7c9e6679-7425-40de-944b-e07fc1f90ae7"])
        #expect(entries.map(\.path) == [["Themes"], ["Themes", "Speed"]])
        #expect(entries[1].color == "#F00")
        #expect(reader.warnings.contains { $0.contains("Favourites") })
        #expect(reader.warnings.contains { $0.contains("not codable") && $0.contains("Themes") })
    }

    @Test func aCodeWithoutAGUIDIsRefusedWithItsLine() throws {
        let folder = try TempFolder()
        let path = try folder.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0">
              <Codes>
                <Code name="Themes" isCodable="true"/>
              </Codes>
            </CodeBook>
            """, "broken.qdc")
        do {
            _ = try REFICodebookReader(path: path).read()
            Issue.record("expected an error")
        } catch let error as XMLInputError {
            #expect(error.line == 4)
            #expect(error.message.contains("guid"))
        }
    }
}

import Foundation
import RoundtableCore
import Testing
import RoundtableXML

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz.sh) found that crashed a reader or made it throw
/// an error the command line cannot word; each is now refused as bad input.
@Suite("Fuzz findings in the XML layer")
struct FuzzFindingsTests {
    /// A zip of `entries` as given: (path, compression method, the bytes stored, CRC-32, size when inflated).
    static func zip(_ entries: [(path: String, method: UInt16, stored: [UInt8], crc: UInt32, size: Int)]) -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            let fields = le16(Int(entry.method)) + le16(0) + le16(0x21) + le32(Int(entry.crc)) + le32(entry.stored.count)
                + le32(entry.size) + le16(name.count) + le16(0)
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + fields + le16(0) + le16(0) + le16(0) + le32(0)
                + le32(out.count) + name
            out += le32(0x0403_4B50) + le16(20) + le16(0) + fields + name + entry.stored
        }
        let start = out.count
        return out + central + le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
            + le32(central.count) + le32(start) + le16(0)
    }

    /// A `.qdpx` whose project.qde does not inflate is bad input (exit 65), not ZIPFoundation's
    /// CompressionError (which the command line can only print as exit 1 and a type name).
    /// Found by FuzzREFIProject from a mutated ATLAS.ti archive.
    @Test(arguments: [
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],  // deflate block type 3, which does not exist
        [0x00, 0x0A, 0x00, 0xF5, 0xFF, 0x3C, 0x50],  // a stored block cut short, and no final block
    ] as [[UInt8]])
    func anEntryThatDoesNotInflateIsBadInput(stored: [UInt8]) throws {
        let folder = try TempFolder()
        let path = folder.path("damaged.qdpx")
        try Data(Self.zip([("project.qde", 8, stored, 0, 64)])).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: XMLInputError.self) { try REFIProjectReader(path: path).read() }
        #expect(error.file == path && error.message.contains("project.qde"), "\(error)")
    }

    /// A Triple-S `<spread subfields="-9223372036854775808"/>` is refused as metadata; the field
    /// arithmetic (subfields − 1) trapped on it, also after positions were bounded from above.
    @Test(arguments: ["csv", "fixed"])
    func theSmallestSubfieldCountIsRefusedNotATrap(format: String) throws {
        let folder = try TempFolder()
        let position = format == "fixed" ? #"<position start="1" finish="2"/>"# : ""
        let path = try folder.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <sss version="2.0"><survey><record ident="R" format="\(format)">
            <variable ident="1" type="character"><name>A</name><label>A</label><position start="1" finish="1"/></variable>
            <variable ident="2" type="multiple"><name>B</name><label>B</label>\(position)<spread subfields="-9223372036854775808"/>
              <values><value code="1">x</value></values></variable>
            </record></survey></sss>
            """, "survey.sss")
        let error = try #require(throws: XMLInputError.self) { try TripleSReader.metadata(path: path) }
        #expect(error.line == 4 && error.message.contains("subfields"), "\(error)")
    }
}

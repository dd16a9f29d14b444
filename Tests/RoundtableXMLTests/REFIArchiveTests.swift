import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

/// Issue 11: a 1 MB `.qdpx` holding 1 GiB of zeros grew past 7 GB; a header's sizes were believed.
/// Entries are now counted as they unpack, against --max-size and a ratio ceiling.
@Suite("A .qdpx is unpacked as a stream, under --max-size and a ratio ceiling, trusting no stated size")
struct REFIArchiveTests {
    static let project = #"<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p"></Project>"#

    static func archive(_ fixture: ZipFixture, maxSize: Int64 = NativeFormat.defaultMaxSize,
                        in folder: TempFolder) throws -> REFIArchive {
        let path = folder.path("p.qdpx")
        try fixture.write(to: path)
        return try REFIArchive(path: path, maxSize: maxSize)
    }

    static func refusal(_ body: () throws -> Void) throws -> String {
        try #require(throws: XMLInputError.self) { try body() }.message
    }

    @Test func sixtyFourMebibytesOfZerosAreRefusedAsABombWithinTwoSeconds() throws {
        let folder = try TempFolder()
        var zip = ZipFixture()
        zip.text("project.qde", Self.project)
        zip.deflated("sources/a.txt", compressed: ZipFixture.run(64 << 20), declaredSize: 64 << 20, crc: 0)
        let clock = ContinuousClock()
        let started = clock.now
        let archive = try Self.archive(zip, in: folder)
        let message = try Self.refusal { _ = try archive.source("internal://a.txt") }
        #expect(clock.now - started < .seconds(2))
        #expect(message.hasPrefix("sources/a.txt unpacks to more than 100 times its compressed size ("), "\(message)")
        #expect(message.hasSuffix("): refused as a likely zip bomb"))
    }

    @Test func aBombInsideProjectQdeStopsTheParserWithTheSameError() throws {
        let folder = try TempFolder()
        var zip = ZipFixture()
        let head = Array(#"<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">"#.utf8)
        zip.deflated("project.qde", compressed: ZipFixture.run(of: 0x20, 64 << 20, after: head), declaredSize: 64 << 20, crc: 0)
        let reader = try Self.archive(zip, in: folder).projectReader()
        let message = try Self.refusal { while try reader.next() != nil {} }
        #expect(message.contains("project.qde unpacks to more than 100 times its compressed size"), "\(message)")
    }

    @Test func anEntryThatHoldsMoreThanItsHeaderSaysIsCutOffThere() throws {
        let folder = try TempFolder()
        var zip = ZipFixture()
        zip.text("project.qde", Self.project)
        zip.stored("sources/a.txt", [UInt8](repeating: 0x61, count: 10_000), declaredSize: 100)
        let archive = try Self.archive(zip, in: folder)
        #expect(try Self.refusal { _ = try archive.source("a.txt") } == "not a usable .qdpx (zip) archive: "
                + "sources/a.txt unpacks to more than the 100 bytes its header declares")
    }

    @Test func anEntryThatHoldsLessThanItsHeaderSaysOrADifferentChecksumIsDamaged() throws {
        let folder = try TempFolder()
        var zip = ZipFixture()
        zip.text("project.qde", Self.project)
        zip.deflated("sources/short.txt", compressed: ZipFixture.run(10), declaredSize: 1000, crc: ZipFixture.crc32([UInt8](repeating: 0, count: 10)))
        zip.stored("sources/crc.txt", Array("café".utf8), crc: 1234)
        let archive = try Self.archive(zip, in: folder)
        #expect(try Self.refusal { _ = try archive.source("short.txt") }.hasSuffix("sources/short.txt holds 10 bytes, but its header declares 1000"))
        #expect(try Self.refusal { _ = try archive.source("crc.txt") }.hasSuffix("sources/crc.txt is damaged (CRC-32 mismatch)"))
    }

    /// ZIPFoundation's Linux inflater loops forever on this: a stored block whose length runs past the end of the file.
    @Test func aDeflateStreamThatRunsPastItsDataEndsEarlyInsteadOfSpinning() throws {
        let folder = try TempFolder()
        var zip = ZipFixture()
        zip.deflated("project.qde", compressed: [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<Project".utf8), declaredSize: 100, crc: 0)
        let clock = ContinuousClock()
        let started = clock.now
        let message = try Self.refusal { _ = try Self.archive(zip, in: folder).projectReader() }
        #expect(message == "not a usable .qdpx (zip) archive: project.qde: the compressed data ends early (cut short or damaged)")
        #expect(clock.now - started < .seconds(2))
    }

    @Test func eachEntryAndAllEntriesTogetherStayWithinMaxSize() throws {
        let folder = try TempFolder()
        var zip = ZipFixture()
        zip.text("project.qde", Self.project)
        zip.deflated("sources/big.txt", compressed: ZipFixture.run(150_000), declaredSize: 150_000, crc: 0)
        zip.deflated("sources/a.txt", compressed: ZipFixture.run(60_000), declaredSize: 60_000,
                     crc: ZipFixture.crc32([UInt8](repeating: 0, count: 60_000)))
        zip.deflated("sources/b.txt", compressed: ZipFixture.run(60_000), declaredSize: 60_000, crc: 0)
        let archive = try Self.archive(zip, maxSize: 100_000, in: folder)
        #expect(try Self.refusal { _ = try archive.source("big.txt") }
                == "sources/big.txt unpacks to more than 100000 bytes, over the limit (--max-size)")
        let fresh = try Self.archive(zip, maxSize: 100_000, in: folder)
        #expect(try fresh.source("a.txt")?.bytes.count == 60_000)
        #expect(try Self.refusal { _ = try fresh.source("b.txt") }
                == "the entries read unpack to more than 100000 bytes together, over the limit (--max-size)")
    }

    @Test func theWholeMayNotExpandPastTheRatioEitherSoReReadingAnEntryIsCaught() throws {
        let limits = UnpackLimits(file: "f", maxSize: 1 << 40, archiveSize: 100_000)
        // Every entry a modest 5:1, but past 10 MB out of a 100 kB archive, as when one entry is read again and again.
        for _ in 0..<9 { try limits.add(1_000_000, entry: "e", produced: 1_000_000, consumed: 200_000) }
        let error = try #require(throws: XMLInputError.self) {
            for _ in 0..<100 { try limits.add(1_000_000, entry: "e", produced: 1_000_000, consumed: 200_000) }
        }
        #expect(error.message.hasPrefix("the entries read unpack to more than 100 times the archive's 100000 bytes"))
    }

    @Test func whatIsNotAZipArchiveIsRefusedWithoutATrap() throws {
        let folder = try TempFolder()
        for bytes in [[UInt8](), Array("PK\u{5}\u{6}".utf8), [UInt8](repeating: 0x50, count: 100), Array(ZipFixture().bytes.dropLast(1))] {
            try Data(bytes).write(to: URL(fileURLWithPath: folder.path("x.qdpx")))
            let message = try Self.refusal { _ = try REFIArchive(path: folder.path("x.qdpx"), maxSize: 1 << 20) }
            #expect(message.hasPrefix("not a usable .qdpx (zip) archive: "), "\(message)")
        }
    }
}

/// libxml2 2.9 takes minutes over one element with 100,000 attributes (a 1 MB file): such an element
/// is refused before libxml2 sees it.
@Suite("An element with thousands of attributes is refused before libxml2 sees it")
struct AttributeCounterTests {
    static func scan(_ chunks: [String]) throws {
        var counter = AttributeCounter(file: "f")
        for chunk in chunks { try Array(chunk.utf8).withUnsafeBytes { try counter.scan($0) } }
    }

    @Test func aThousandAttributesPassAndOneMoreIsRefusedWithItsLine() throws {
        let tag = { (count: Int) in "<?xml version=\"1.0\"?>\n<a " + (0..<count).map { "a\($0)=\"x>y\"" }.joined(separator: " ") + ">" }
        try Self.scan([tag(1_000)])
        let error = try #require(throws: XMLInputError.self) { try Self.scan([tag(1_001)]) }
        #expect(error.description == "f:2: an element has more than 1000 attributes; refused (no file Roundtable reads has such elements)")
    }

    @Test func equalsSignsInTextCommentsCDATAAndValuesDoNotCountAndChunksMayEndAnywhere() throws {
        let many = String(repeating: "a=b ", count: 2_000)
        let document = "<r x='\(many)'>\(many)<!-- <t \(many)> --><![CDATA[<t \(many)>]]><?pi \(many)?></r>"
        try Self.scan([document])
        try Self.scan(document.map { String($0) })
    }

    @Test func aProjectQdeWithAHundredThousandAttributesIsRefusedAtOnce() throws {
        let folder = try TempFolder()
        var zip = ZipFixture()
        zip.text("project.qde", #"<Project xmlns="urn:QDA-XML:project:1.0" "# + (0..<100_000).map { "a\($0)=\"\"" }.joined(separator: " ") + "/>")
        let path = folder.path("p.qdpx")
        try zip.write(to: path)
        let clock = ContinuousClock()
        let started = clock.now
        let error = try #require(throws: XMLInputError.self) { try REFIProjectReader(path: path).read() }
        #expect(error.message.hasPrefix("an element has more than 1000 attributes"))
        #expect(clock.now - started < .seconds(2))
    }
}

import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

/// Issue 14: `export refi` streams each source's text into the zip and the project document last;
/// the archive must read back whole, with the offsets the writer handed out.
@Suite("A streamed .qdpx reads back: entries, checksums, text and selection offsets")
struct REFIProjectWriterTests {
    static let code = Code(id: 1, name: "Jono", description: "Waiting & queues", color: "#FF0000",
                           createdAt: Date(timeIntervalSince1970: 0), guid: "0f8fad5b-d9cb-469f-a165-70867728950e")

    /// Writes one source of `lines` turns (each one selection, every third also coded) and reads it back.
    static func roundTrip(lines: Int, in folder: TempFolder) throws -> (REFIImportProject, [(Int, Int)], String) {
        let path = folder.path("p.qdpx")
        let writer = try REFIProjectWriter(destination: path, origin: "test", created: Date(timeIntervalSince1970: 1_700_000_000))
        let source = REFISource(guid: "6f2b4d36-4c5e-4a1f-9a3e-1d2c3b4a5f60", setGUID: "7f2b4d36-4c5e-4a1f-9a3e-1d2c3b4a5f60",
                                name: "S-0001 Äijälä & <co>")
        try writer.beginSource(source)
        var spans: [(Int, Int)] = []
        var expected = ""
        for index in 0..<lines {
            let text = index % 5 == 0 ? "rivi \(index)\nja 😀 A\u{308}ijälä\u{2028}loppu" : "vuoro \(index) – “lainaus”"
            let start = try writer.appendLine(speaker: "Puhuja \(index % 3)", text: text)
            let length = text.unicodeScalars.count
            spans.append((start, start + length))
            let oneLine = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\u{2028}" ? " " : $0 }))
            expected += "Puhuja \(index % 3): \(oneLine)\n"
            try writer.select(REFISelection(guid: UUID().uuidString.lowercased(), name: "U-\(index)", start: start, end: start + length,
                                            coding: index % 3 == 0 ? REFICoding(guid: UUID().uuidString.lowercased(), codeGUID: code.guid,
                                                                                userGUID: nil, created: nil) : nil))
        }
        try writer.endSource(source)
        var project = REFIProject(name: "p")
        project.codes = [code]
        project.sources = [source]
        project.cases = [REFICase(guid: "8f2b4d36-4c5e-4a1f-9a3e-1d2c3b4a5f60", name: "P01")]
        try writer.finish(project) { _, emit in try emit("9f2b4d36-4c5e-4a1f-9a3e-1d2c3b4a5f60") }
        try writer.commit()
        #expect(writer.codings == (lines + 2) / 3)
        return (try REFIProjectReader(path: path).read(), spans, expected)
    }

    @Test func textAndSelectionsReadBackExactly() throws {
        let folder = try TempFolder()
        // Over the writer's 128 KiB chunks, so entries span several deflate calls.
        let (project, spans, expected) = try Self.roundTrip(lines: 6000, in: folder)
        #expect(project.sources.count == 1)
        let source = try #require(project.sources.first)
        #expect(source.text == expected)
        #expect(source.name == "S-0001 Äijälä & <co>")
        #expect(source.selections.count == spans.count)
        #expect(source.selections.map(\.start) == spans.map(\.0))
        #expect(source.selections.map(\.end) == spans.map(\.1))
        #expect(source.selections.filter { !$0.codeGUIDs.isEmpty }.count == 2000)
        #expect(project.codes.map(\.description) == ["Waiting & queues"])
        #expect(project.selectionOwners.cases(of: "9f2b4d36-4c5e-4a1f-9a3e-1d2c3b4a5f60") == [0])
        #expect(project.selectionOwners.count == 1)
        #expect(project.warnings.filter { $0.contains("missing") }.isEmpty, "\(project.warnings)")
    }

    @Test func pythonsZipfileFindsNoBadEntry() throws {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else { return }
        let folder = try TempFolder()
        _ = try Self.roundTrip(lines: 50, in: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                             + "sys.exit(1 if z.testzip() is not None or len(z.namelist()) != 2 else 0)", folder.path("p.qdpx")]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

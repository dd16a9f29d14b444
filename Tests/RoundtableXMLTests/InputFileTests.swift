import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

@Suite("InputFile reads a stream from its source once, however often it is opened")
struct InputFileTests {
    @Test func aFIFOIsCopiedOnceAndReopenedFromTheCopy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fifo = folder + "/in.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0) })
        let writer = Thread { _ = try? FileHandle(forWritingAtPath: fifo)?.write(contentsOf: bytes) }
        writer.start()
        #expect(try InputFile.head(of: fifo, count: 4, maxSize: 1 << 20) == [0, 1, 2, 3])
        // The writer has gone: a second open of the FIFO itself would wait for ever.
        #expect(try InputFile.contents(of: fifo, maxSize: 1 << 20) == bytes)
        #expect(try InputFile.reopenablePath(fifo, maxSize: 1 << 20).hasPrefix("/proc/self/fd/"))
        #expect(throws: XMLInputError.self) { try InputFile.open(fifo, maxSize: 1000) }
    }

    @Test func aRegularFileIsOpenedDirectlyAndChecked() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID().uuidString).txt").path
        try Data("abc".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try InputFile.reopenablePath(file, maxSize: 10) == file)
        #expect(throws: XMLInputError.self) { try InputFile.open(file, maxSize: 2) }
        #expect(throws: RoundtableError(.inputMissing, "/nowhere/x: cannot read the file: no such file or directory")) {
            try InputFile.open("/nowhere/x", maxSize: 10)
        }
        #expect(throws: RoundtableError(.inputMissing, "/tmp: cannot read the file: it is a folder")) {
            try InputFile.open("/tmp", maxSize: 10)
        }
    }
}

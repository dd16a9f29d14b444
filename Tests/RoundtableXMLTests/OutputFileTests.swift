import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

@Suite("OutputFile: temporary file and rename for files, the target for links, write-through for devices")
struct OutputFileTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder + "/" + name }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : 0
    }

    @Test func aRegularFileAppearsWholeWithMode0600() throws {
        let file = try OutputFile(destination: path("x"))
        try file.write(Data("hello".utf8))
        #expect(!FileManager.default.fileExists(atPath: path("x")), "nothing under the final name before commit")
        #expect(try names().count == 1 && names()[0].hasPrefix(".x.") && names()[0].hasSuffix(".tmp"))
        try file.commit()
        #expect(try names() == ["x"])
        #expect(FileManager.default.contents(atPath: path("x")) == Data("hello".utf8))
        #expect(Self.mode(path("x")) & 0o777 == 0o600)
    }

    @Test func anUncommittedFileLeavesTheOldOneAndNoTemporary() throws {
        try Data("old".utf8).write(to: URL(fileURLWithPath: path("keep.xml")))
        do {
            let file = try OutputFile(destination: path("keep.xml"))
            try file.write(Data("half".utf8))
        }
        #expect(try names() == ["keep.xml"])
        #expect(FileManager.default.contents(atPath: path("keep.xml")) == Data("old".utf8))
    }

    @Test func aLinkKeepsBeingALink() throws {
        try Data("old".utf8).write(to: URL(fileURLWithPath: path("target")))
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: "target")
        try OutputFile.write(Data("new".utf8), to: path("link"))
        #expect(Self.mode(path("link")) & S_IFMT == S_IFLNK)
        #expect(FileManager.default.contents(atPath: path("target")) == Data("new".utf8))
        #expect(try OutputFile.followingLinks(path("link")) == path("target"))
        try FileManager.default.createSymbolicLink(atPath: path("loop"), withDestinationPath: "loop")
        #expect(throws: RoundtableError.self) { try OutputFile(destination: path("loop")) }
    }

    @Test func devicesAndFIFOsAreWrittenThrough() throws {
        try OutputFile.write(Data("gone".utf8), to: "/dev/null")
        #expect(Self.mode("/dev/null") & S_IFMT == S_IFCHR)
        let fifo = path("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(fifo)
        try OutputFile.write(Data("through".utf8), to: fifo)
        #expect(reader.wait() == Data("through".utf8))
        #expect(Self.mode(fifo) & S_IFMT == S_IFIFO)
        #expect(try names() == ["fifo"], "no temporary file beside a FIFO")
    }

    @Test func folderRequestsGetTheDefaultName() throws {
        try FileManager.default.createDirectory(atPath: path("d"), withIntermediateDirectories: false)
        #expect(try OutputFile.resolve(path("d"), defaultName: "n.xml") == path("d") + "/n.xml")
        #expect(try OutputFile.resolve(path("d") + "/", defaultName: "n.xml") == path("d") + "/n.xml")
        #expect(try OutputFile.resolve(".", defaultName: "n.xml") == "./n.xml")
        #expect(try OutputFile.resolve("x", defaultName: "n.xml") == "x")
        #expect(try OutputFile.resolve("-", defaultName: "n.xml") == "-")
        #expect(throws: RoundtableError.self) { try OutputFile.resolve(path("none") + "/", defaultName: "n.xml") }
        #expect(throws: RoundtableError.self) { try OutputFile(destination: path("d")) }
    }

    @Test func temporaryNamesSitBesideTheTarget() {
        #expect(OutputFile.temporaryPath(for: "x").hasPrefix("./.x."))
        #expect(OutputFile.temporaryPath(for: "/x").hasPrefix("/.x."))
        #expect(OutputFile.temporaryPath(for: "a/b.xml").hasPrefix("a/.b.xml."))
    }
}

/// Reads a FIFO to its end on a thread of its own.
final class FIFOReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ path: String) {
        Thread { [self] in
            data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

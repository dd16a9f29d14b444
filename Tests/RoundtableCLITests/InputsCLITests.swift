import Foundation
import Testing

@Suite("Every input is read once: -, /dev/stdin, pipes and FIFOs work; unreadable input is exit 66")
struct InputsCLITests {
    static let text = Data("Aino Virtanen: Tervetuloa.\nSofia: Kiitos.\n".utf8)

    /// The demo workspace and, beside it, S-0001's transcript exported as native XML.
    static func demo() throws -> (CLI, Data) {
        let cli = try PathsCLITests.demo()
        let xml = try cli.run("export", "transcript", "S-0001", "-o", "-")
        guard xml.status == 0 else { throw CLIFailure(description: xml.stderr) }
        return (cli, Data(xml.stdout.utf8))
    }

    @Test func aTranscriptComesFromStandardInput() throws {
        let (cli, xml) = try Self.demo()
        for name in ["-", "/dev/stdin"] {
            let text = try cli.run(["transcript", "import", "S-0002", name, "--replace"], input: Self.text)
            #expect(text.status == 0, "\(name): \(text.stderr)")
            #expect(text.stdout.hasPrefix("imported 2 utterances into S-0002"), "\(name)")
            // XML is told from text by its first bytes, then streamed: both from the one read.
            let native = try cli.run(["transcript", "import", "S-0003", name, "--replace"], input: xml)
            #expect(native.status == 0, "\(name): \(native.stderr)")
            #expect(native.stdout.hasPrefix("imported 16 utterances with 28 codings into S-0003"), "\(name): \(native.stdout)")
        }
    }

    @Test func aTranscriptComesFromAFIFOWithoutHanging() throws {
        let (cli, xml) = try Self.demo()
        for (index, (input, expected)) in [(Self.text, "imported 2 utterances"), (xml, "imported 16 utterances")].enumerated() {
            let fifo = cli.path("transcript-\(index).fifo")
            try makeFIFO(fifo)
            let writer = Background { try? FileHandle(forWritingAtPath: fifo)?.write(contentsOf: input) }
            let result = try cli.start(["transcript", "import", "S-0002", fifo, "--replace"], standardInput: FileHandle.nullDevice)
                .finish(within: 30)
            releaseFIFO(fifo)
            writer.wait()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix(expected), "\(result.stdout)")
        }
    }

    @Test func everyImportTakesADash() throws {
        let (cli, _) = try Self.demo()
        func exported(_ arguments: String...) throws -> Data {
            let result = try cli.run(arguments + ["-o", "-"])
            guard result.status == 0 else { throw CLIFailure(description: result.stderr) }
            return Data(result.stdout.utf8)
        }
        // The zip is binary: read from a file, then piped in.
        #expect(try cli.run("export", "refi", "--session", "S-0001", "-o", "p.qdpx").status == 0)
        let refi = try Data(contentsOf: URL(fileURLWithPath: cli.path("p.qdpx")))
        let cases: [([String], Data, String)] = [
            (["import", "roster", "-", "--partner", "acme"], try exported("export", "roster"), "imported batch "),
            (["import", "codebook", "-", "--db", "c.sqlite"], try exported("export", "codebook"), "codebook -: 22 codes created"),
            (["import", "workspace", "-", "--db", "w.sqlite"], try exported("export", "workspace"), "restored 3 moderators"),
            (["import", "refi", "-", "--db", "r.sqlite"], refi, "refi -: 1 sources"),
        ]
        for (arguments, input, expected) in cases {
            let result = try cli.run(arguments, input: input)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.hasPrefix(expected), "\(arguments): \(result.stdout)")
        }
    }

    @Test func standardInputOverTheSizeCapIsRefused() throws {
        let (cli, _) = try Self.demo()
        let big = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for arguments in [["transcript", "import", "S-0002", "-", "--max-size", "100"],
                          ["import", "roster", "-", "--partner", "acme", "--max-size", "100"]] {
            let result = try cli.run(arguments, input: big)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "error: -: the input is over the 100-byte limit (--max-size)\n", "\(arguments)")
        }
    }

    /// Every import, reading `file`.
    static func imports(_ file: String, db: String) -> [[String]] {
        [["transcript", "import", "S-0002", file, "--db", db], ["import", "roster", file, "--partner", "acme", "--db", db],
         ["import", "codebook", file, "--db", db], ["import", "workspace", file, "--db", db], ["import", "refi", file, "--db", db]]
    }

    @Test func aFolderGivenAsInputIsExit66() throws {
        let (cli, _) = try Self.demo()
        try FileManager.default.createDirectory(atPath: cli.path("folder.xml"), withIntermediateDirectories: false)
        for arguments in Self.imports("folder.xml", db: cli.path("demo.sqlite")) {
            let result = try cli.run(arguments)
            #expect(result.status == 66, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "error: folder.xml: cannot read the file: it is a folder\n", "\(arguments)")
        }
    }

    /// Root reads any file, so permission is tested as `nobody`.
    @Test func anUnreadableInputIsPermissionDenied() throws {
        let (cli, _) = try Self.demo()
        let folder = cli.path("nobody")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: cli.path("demo.sqlite"), toPath: folder + "/ws.sqlite")
        try Data("<x/>".utf8).write(to: URL(fileURLWithPath: folder + "/secret.qdpx"))
        for name in ["", "/ws.sqlite", "/secret.qdpx"] { chown(folder + name, 65534, 65534) }
        chmod(folder + "/secret.qdpx", 0)
        for arguments in Self.imports(folder + "/secret.qdpx", db: folder + "/ws.sqlite") {
            let result = try cli.runAsNobody(arguments)
            #expect(result.status == 66, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "error: \(folder)/secret.qdpx: cannot read the file: permission denied\n", "\(arguments)")
        }
    }
}

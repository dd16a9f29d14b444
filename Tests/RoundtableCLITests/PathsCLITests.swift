import Foundation
import Testing

@Suite("Every export writes through one writer: any path, a folder, a link, a device, a FIFO or stdout")
struct PathsCLITests {
    /// The demo workspace (S-0001 has a coded transcript), with the pinned clock.
    static func demo() throws -> CLI {
        var cli = try CLI()
        _ = try cli.key("demo")
        cli.environment["ROUNDTABLE_DB"] = cli.path("demo.sqlite")
        return cli
    }

    /// Each export, its default file name at the pinned time, and how its output starts.
    static let exports: [(arguments: [String], name: String, start: String)] = [
        (["export", "codebook"], "codebook-2026-12-01T0900.qdc", "<?xml"),
        (["export", "transcript", "S-0001"], "transcript-S-0001-2026-12-01T0900.xml", "<?xml"),
        (["export", "eaf", "S-0001"], "transcript-S-0001-2026-12-01T0900.eaf", "<?xml"),
        (["export", "roster"], "roster-2026-12-01T0900.xml", "<?xml"),
        (["export", "workspace"], "workspace-2026-12-01T0900.xml", "<?xml"),
        (["export", "ics", "--upcoming"], "sessions-upcoming-2026-12-01T0900.ics", "BEGIN:VCALENDAR"),
        (["export", "refi", "--session", "S-0001"], "refi-S-0001-2026-12-01T0900.qdpx", "PK"),
    ]

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : 0
    }

    @Test func aOneCharacterPathIsAFile() throws {
        let cli = try Self.demo()
        for (arguments, _, start) in Self.exports {
            try? FileManager.default.removeItem(atPath: cli.path("x"))
            let result = try cli.run(arguments + ["-o", "x"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.hasSuffix(" to x\n"), "\(arguments)")
            let written = try Data(contentsOf: URL(fileURLWithPath: cli.path("x")))
            #expect(written.starts(with: Data(start.utf8)), "\(arguments)")
            #expect(Self.mode(cli.path("x")) & 0o777 == 0o600, "exports hold personal data")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFolderGetsTheDefaultNameInside() throws {
        let cli = try Self.demo()
        try FileManager.default.createDirectory(atPath: cli.path("d"), withIntermediateDirectories: false)
        for (arguments, name, _) in Self.exports {
            for folder in [".", "d", "d/", "./d/"] {
                let result = try cli.run(arguments + ["-o", folder])
                #expect(result.status == 0, "\(arguments) -o \(folder): \(result.stderr)")
                let inside = folder == "." ? "./\(name)" : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
                #expect(result.stdout.hasSuffix(" to \(inside)\n"), "\(arguments) -o \(folder): \(result.stdout)")
                #expect(FileManager.default.fileExists(atPath: cli.path(inside)), "\(arguments) -o \(folder)")
            }
        }
    }

    @Test func aMissingFolderIsRefusedAndNothingIsCreated() throws {
        let cli = try Self.demo()
        // SQLite's -shm and -wal come and go beside the workspace; nothing else may appear.
        func names() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { !$0.hasSuffix("-shm") && !$0.hasSuffix("-wal") }
                .sorted()
        }
        let before = try names()
        let result = try cli.run("export", "codebook", "-o", "nowhere/")
        #expect(result.status == 73)
        #expect(result.stderr == "error: cannot write into nowhere/: no such folder\n")
        let deeper = try cli.run("export", "transcript", "S-0001", "-o", "nowhere/t.xml")
        #expect(deeper.status == 73)
        #expect(deeper.stderr.hasPrefix("error: cannot create nowhere/t.xml: "))
        #expect(try names() == before)
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws {
        let cli = try Self.demo()
        try Data("old".utf8).write(to: URL(fileURLWithPath: cli.path("target.xml")))
        try FileManager.default.createDirectory(atPath: cli.path("sub"), withIntermediateDirectories: false)
        // A relative link in another folder, pointing back up, and a link to that link.
        try FileManager.default.createSymbolicLink(atPath: cli.path("sub/link.xml"), withDestinationPath: "../target.xml")
        try FileManager.default.createSymbolicLink(atPath: cli.path("chain.xml"), withDestinationPath: "sub/link.xml")
        for link in ["sub/link.xml", "chain.xml"] {
            let result = try cli.run("export", "transcript", "S-0001", "-o", link)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Self.mode(cli.path(link)) & S_IFMT == S_IFLNK, "the link is kept")
            let text = try String(contentsOfFile: cli.path("target.xml"), encoding: .utf8)
            #expect(text.hasPrefix("<?xml") && text.contains("S-0001"))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: cli.path("chain.xml")) == "sub/link.xml")
        // A dangling link: its target is created.
        try FileManager.default.createSymbolicLink(atPath: cli.path("dangling.qdc"), withDestinationPath: "made.qdc")
        #expect(try cli.run("export", "codebook", "-o", "dangling.qdc").status == 0)
        #expect(Self.mode(cli.path("dangling.qdc")) & S_IFMT == S_IFLNK)
        #expect(Self.mode(cli.path("made.qdc")) & S_IFMT == S_IFREG)
    }

    @Test func aDeviceIsWrittenThroughNeverReplaced() throws {
        let cli = try Self.demo()
        for (arguments, _, _) in Self.exports {
            let result = try cli.run(arguments + ["-o", "/dev/null"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(Self.mode("/dev/null") & S_IFMT == S_IFCHR, "\(arguments) left /dev/null a character device")
            #expect(Self.mode("/dev/null") & 0o666 == 0o666, "\(arguments) changed /dev/null's mode")
        }
    }

    @Test func aDashWritesToStandardOutputAndTheSummaryToStandardError() throws {
        let cli = try Self.demo()
        for (arguments, _, start) in Self.exports {
            let result = try cli.run(arguments + ["-o", "-"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.utf8.starts(with: start.utf8), "\(arguments)")
            #expect(result.stderr.hasPrefix("wrote ") && result.stderr.hasSuffix(" to standard output\n"), "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.path("-")))
    }

    @Test func aFIFOIsWrittenThroughToItsReader() throws {
        let cli = try Self.demo()
        for (arguments, _, start) in Self.exports {
            let fifo = cli.path("pipe-\(arguments[1])")
            try makeFIFO(fifo)
            let reader = FIFODrain(fifo)
            let result = try cli.start(arguments + ["-o", fifo], standardInput: FileHandle.nullDevice).finish(within: 60)
            let received = reader.finish()
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(received.starts(with: Data(start.utf8)), "\(arguments)")
            #expect(Self.mode(fifo) & S_IFMT == S_IFIFO, "\(arguments) left the FIFO a FIFO")
        }
    }

    @Test func aFailedExportLeavesTheOldFileAndNoTemporaryFile() throws {
        let cli = try Self.demo()
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: cli.path("t.xml")))
        let result = try cli.run("export", "transcript", "S-9999", "-o", "t.xml")
        #expect(result.status == 65)
        #expect(try String(contentsOfFile: cli.path("t.xml"), encoding: .utf8) == "keep me")
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
    }

    @Test func aOneCharacterWorkspacePathWorks() throws {
        let cli = try CLI()
        let added = try cli.run("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki",
                                "--db", "w")
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try cli.run("moderator", "list", "--db", "w")
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("Aino Virtanen"))
    }
}

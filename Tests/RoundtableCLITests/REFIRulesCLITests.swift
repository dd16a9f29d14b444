import Foundation
import Testing
import ZIPFoundation

/// Issue 11 on the command line: a zip bomb is refused quickly and small; selections outside their
/// source, text that is not UTF-8 and projects without readable sources keep the rules; a round trip
/// keeps each session's time and who said what.
@Suite("import refi keeps the rules and its limits")
struct REFIRulesCLITests {
    static let sourceGUID = "E1A1B2C3-0000-4000-8000-000000000001"
    static let codeGUID = "C0DE0000-0000-4000-8000-000000000001"

    /// A `.qdpx` in `folder` with one code and one text source whose file holds `size` bytes from `bytes`.
    static func qdpx(in folder: URL, selections: String = "", sources: String? = nil, size: Int64, compression: CompressionMethod = .none,
                     bytes: @escaping (Int64, Int) -> Data) throws -> String {
        let path = folder.appendingPathComponent("p.qdpx").path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let project = Data("""
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Kahvila">
            <CodeBook><Codes><Code guid="\(codeGUID)" name="Greeting" isCodable="true"/></Codes></CodeBook>
            <Sources>\(sources ?? """
            <TextSource guid="\(sourceGUID)" name="Kahvila" plainTextPath="internal://\(sourceGUID).txt">\(selections)</TextSource>
            """)</Sources>
            </Project>
            """.utf8)
        try archive.addEntry(with: "project.qde", type: .file, uncompressedSize: Int64(project.count)) { position, count in
            project.subdata(in: Int(position)..<Int(position) + count)
        }
        try archive.addEntry(with: "sources/\(sourceGUID).txt", type: .file, uncompressedSize: size, compressionMethod: compression,
                             bufferSize: 1 << 20) { position, count in bytes(position, count) }
        return path
    }

    static func text(_ text: String) -> (Int64, (Int64, Int) -> Data) {
        let data = Data(text.utf8)
        return (Int64(data.count), { position, count in data.subdata(in: Int(position)..<Int(position) + count) })
    }

    /// Runs the binary and reports its exit status, stderr, wall time and peak resident memory. A small
    /// python3 parent runs it and reads RUSAGE_CHILDREN: Linux carries the high-water mark of the
    /// process that spawns a program into the program's own, so spawned from the test runner (itself
    /// 100 MB in a full run) the figure would be the runner's.
    static func measured(_ cli: CLI, _ arguments: [String]) throws -> (status: Int32, stderr: String, seconds: Double, peakKiB: Int) {
        let script = """
            import json, os, resource, subprocess, sys, time
            started = time.monotonic()
            run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            seconds = time.monotonic() - started
            print(json.dumps({"status": run.returncode, "seconds": seconds, "stderr": run.stderr.decode("utf-8", "replace"),
                              "peak": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, CLI.binary.path] + arguments
        process.currentDirectoryURL = cli.folder
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": cli.folder.path].merging(cli.environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let printed = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let report = try? JSONSerialization.jsonObject(with: printed) as? [String: Any],
              let status = report["status"] as? Int, let seconds = report["seconds"] as? Double,
              let stderr = report["stderr"] as? String, let peak = report["peak"] as? Int
        else { throw CLIFailure(description: "python3 could not run the measurement") }
        return (Int32(status), stderr, seconds, peak)
    }

    /// 256 MiB of zeros deflated by Python's zipfile (zlib, about 1000:1) into a 250 kB `.qdpx`.
    static func bomb(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("bomb.qdpx").path
        let script = """
            import sys, zipfile
            project = '<Project xmlns="urn:QDA-XML:project:1.0" name="bomb"><Sources><TextSource guid="\(sourceGUID)" \
            name="zeros" plainTextPath="internal://\(sourceGUID).txt"/></Sources></Project>'
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("project.qde", project)
                with archive.open("sources/\(sourceGUID).txt", "w", force_zip64=True) as entry:
                    chunk = bytes(1 << 20)
                    for _ in range(256):
                        entry.write(chunk)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CLIFailure(description: "python3 could not build the zip bomb") }
        return path
    }

    @Test func aZipBombIsRefusedInUnderTwoSecondsAndSixtyFourMegabytes() throws {
        let cli = try CLI()
        let path = try Self.bomb(in: cli.folder)
        let run = try Self.measured(cli, ["import", "refi", path])
        #expect(run.status == 65)
        // The entry's own ratio or the archive's as a whole, whichever passes 100:1 first.
        #expect(run.stderr.hasPrefix("error: \(path): "), "\(run.stderr)")
        #expect(run.stderr.contains(" unpack") && run.stderr.contains(" more than 100 times "), "\(run.stderr)")
        #expect(run.stderr.hasSuffix(": refused as a likely zip bomb\n"))
        #expect(run.seconds < 2, "took \(run.seconds) s")
        #expect(run.peakKiB < 64 * 1024, "peak RSS \(run.peakKiB) KiB")
        print("zip bomb refused in \(run.seconds) s, peak RSS \(run.peakKiB) KiB")
    }

    @Test func aSelectionOutsideItsSourceIsListedCountedAndCodesNothing() throws {
        let cli = try CLI()
        // 1,998 characters on 37 lines, as in the issue: 846..<999999 used to code 19 turns.
        let line = "Anna: " + String(repeating: "kahvi ", count: 8) + "hyvää\n"
        let body = String(repeating: line, count: 37)
        let text = String(body.prefix(1998))
        let (size, bytes) = Self.text(text)
        let selection = { (guid: Int, start: Int, end: Int) in
            """
            <PlainTextSelection guid="5E1E0000-0000-4000-8000-00000000000\(guid)" startPosition="\(start)" endPosition="\(end)">\
            <Coding guid="C0D10000-0000-4000-8000-00000000000\(guid)"><CodeRef targetGUID="\(Self.codeGUID)"/></Coding></PlainTextSelection>
            """
        }
        let path = try Self.qdpx(in: cli.folder, selections: selection(1, 6, 11) + selection(2, 846, 999_999), size: size, bytes: bytes)
        let result = try cli.run("import", "refi", path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(" 1 codings, 1 selections not applied, "), "\(result.stdout)")
        #expect(result.stderr.contains("warning: project.qde:4: selection 5e1e0000-0000-4000-8000-000000000002 846..<999999 lies outside "
                                       + "source 'Kahvila', which is 1998 characters long; its 1 codings are not applied"), "\(result.stderr)")
    }

    @Test func aSourceThatIsNotUTF8IsAnErrorNamingTheSourceAndTheArchive() throws {
        let cli = try CLI()
        let latin1 = Data([0x63, 0x61, 0x66, 0xE9, 0x0A])  // "café" in ISO-8859-1
        let path = try Self.qdpx(in: cli.folder, size: Int64(latin1.count)) { position, count in latin1.subdata(in: Int(position)..<Int(position) + count) }
        let result = try cli.run("import", "refi", path)
        #expect(result.status == 65)
        #expect(result.stderr == "error: \(path): project.qde:4: source 'Kahvila' (sources/\(Self.sourceGUID).txt) is not UTF-8 text "
                + "(byte 0xE9 at offset 3); REFI-QDA requires UTF-8: convert it and export again\n", "\(result.stderr)")
        // The workspace did not exist: it is built aside and never appears, nor anything beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.contains("rt.sqlite") } == [],
                "nothing was imported")
        // Into an existing workspace, nothing of the project lands either.
        _ = try cli.key("code", "add", "Earlier")
        #expect(try cli.run("import", "refi", path).status == 65)
        let codes = try cli.key("code", "list", "--format", "json")
        #expect(codes.contains("Earlier") && !codes.contains("Greeting"), "\(codes)")
    }

    @Test func aProjectWithSourcesNoneOfWhichCanBeReadIsRefusedUnlessCodebookOnly() throws {
        let cli = try CLI()
        let (size, bytes) = Self.text("unused")
        let path = try Self.qdpx(in: cli.folder, sources: #"<PDFSource guid="F0000000-0000-4000-8000-000000000001" name="scan"/>"#,
                                 size: size, bytes: bytes)
        let refused = try cli.run("import", "refi", path)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasSuffix("error: \(path): none of the project's 1 sources is a text source that can be brought across, "
                                         + "so it would give no sessions (give --codebook-only to bring across only its codebook and cases)\n"),
                "\(refused.stderr)")
        let codebook = try cli.run("import", "refi", path, "--codebook-only")
        #expect(codebook.status == 0 && codebook.stdout.contains("0 sources, 0 utterances, 1 codes (1 created)"), "\(codebook.stdout)")
    }

    /// `export refi` then `import refi` into an empty workspace: the session starts at the same instant in the
    /// same zone for as long, and every turn a participant spoke comes back to the participant of that name.
    @Test func aRoundTripKeepsTheSessionsTimeAndWhoSaidWhat() throws {
        let cli = try REFIExportCLITests.demo()
        let path = cli.folder.appendingPathComponent("round.qdpx").path
        _ = try cli.key("export", "refi", "--session", "S-0001", "-o", path)
        var fresh = try CLI()
        fresh.environment["ROUNDTABLE_DB"] = fresh.folder.appendingPathComponent("fresh.sqlite").path
        let imported = try fresh.run("import", "refi", path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("(11 turns theirs)"), "\(imported.stdout)")

        func session(_ cli: CLI) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(cli.key("session", "show", "S-0001", "--format", "json").utf8))
                as? [String: Any])
        }
        let (before, after) = (try session(cli), try session(fresh))
        for field in ["start", "end", "timeZone", "durationMinutes", "localStart"] {
            #expect("\(before[field] ?? "-")" == "\(after[field] ?? "-")", "\(field)")
        }
        func attended(_ session: [String: Any]) -> [String] {
            (session["participants"] as? [[String: Any]] ?? []).filter { "\($0["seat"] ?? "")" == "attended" }.map { "\($0["name"] ?? "")" }.sorted()
        }
        #expect(attended(after) == attended(before) && attended(before).count == 4)

        /// Each turn's text with the name of the participant or moderator it is attributed to.
        func speakers(_ cli: CLI) throws -> [String] {
            let transcript = try #require(try JSONSerialization.jsonObject(
                with: Data(cli.key("transcript", "show", "S-0001", "--format", "json").utf8)) as? [String: Any])
            var names: [String: String] = [:]
            for person in (try session(cli)["participants"] as? [[String: Any]] ?? []) + (try session(cli)["moderators"] as? [[String: Any]] ?? []) {
                names["\(person["key"] ?? "")"] = "\(person["name"] ?? "")"
            }
            return (transcript["utterances"] as? [[String: Any]] ?? []).map { turn in
                let key = turn["speakerKey"] as? String
                return "\(key.map { names[$0] ?? "seated nowhere: \($0)" } ?? "label \(turn["speaker"] ?? "")"): \(turn["text"] ?? "")"
            }
        }
        let said = try speakers(cli)
        #expect(said.filter { !$0.hasPrefix("label ") }.count >= 12)
        #expect(try speakers(fresh) == said)
    }
}

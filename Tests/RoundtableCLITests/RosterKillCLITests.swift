import Foundation
import GRDB
import Testing

@Suite("kill -9 in the middle of a large import")
struct RosterKillCLITests {
    @Test func theWorkspaceIsExactlyAsBeforeAndIntact() throws {
        let cli = try CLI()
        let small = [Roster.row("S-1", "Aino", #"<attribute name="segment">SMB</attribute>"#), Roster.row("S-2", "Bo"),
                     Roster.row("S-3", "Cy", #"<consent scope="contact" version="1" given="true" at="2026-01-05T10:00:00Z"/>"#)]
        _ = try cli.key("import", "roster", Roster.write(Roster.xml(small), "small.xml", in: cli), "--partner", "acme")
        let before = try WorkspaceState(cli)
        try Self.writeLargeRoster(to: cli.folder.appendingPathComponent("big.xml"), rows: 200_000)

        let wal = cli.databasePath + "-wal"
        let baseline = Self.size(wal)
        let running = try cli.start(["import", "roster", "big.xml", "--partner", "bulk"])
        let started = Date()
        func elapsed() -> TimeInterval { Date().timeIntervalSince(started) }
        // Part-way: the transaction has spilled pages into the WAL (and at least half a second has passed).
        while running.process.isRunning, elapsed() < 15, elapsed() < 0.5 || Self.size(wal) < baseline + 64 * 1024 {
            usleep(20_000)
        }
        let walAtKill = Self.size(wal)
        try #require(running.process.isRunning, "the import ended after \(elapsed()) s, before it could be killed")
        #expect(kill(running.process.processIdentifier, SIGKILL) == 0)
        let result = running.finish()
        #expect(running.process.terminationReason == .uncaughtSignal && result.status == SIGKILL)
        #expect(walAtKill > baseline, "the import had written uncommitted pages when it was killed")

        var configuration = Configuration()
        configuration.readonly = true
        let integrity = try DatabaseQueue(path: cli.databasePath, configuration: configuration).read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        #expect(integrity == ["ok"])
        #expect(try WorkspaceState(cli) == before)
        // Nothing is left locked: the same small file imports again at once.
        #expect(try cli.key("import", "roster", "small.xml", "--partner", "acme").hasSuffix("0 new, 0 updated, 3 unchanged, 0 rejected (nothing changed)"))
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// About 210 bytes a row, three attributes each; written in slices so memory stays small.
    static func writeLargeRoster(to url: URL, rows: Int) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        // The file is imported as partner "bulk", and a file naming another partner is refused whole.
        var chunk = Data(Roster.xml([]).replacingOccurrences(of: "</roster>\n", with: "")
            .replacingOccurrences(of: #"partner="acme""#, with: #"partner="bulk""#).utf8)
        for i in 0..<rows {
            chunk.append(contentsOf: #"<participant id="B-\#(i)"><name>Person \#(i)</name><email>p\#(i)@example.com</email>"#.utf8)
            chunk.append(contentsOf: #"<attribute name="segment">SMB</attribute><attribute name="city">Oulu</attribute>"#.utf8)
            chunk.append(contentsOf: #"<attribute name="n">\#(i)</attribute></participant>\#n"#.utf8)
            if chunk.count > 1 << 20 {
                try handle.write(contentsOf: chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk.append(contentsOf: "</roster>\n".utf8)
        try handle.write(contentsOf: chunk)
    }
}

// Helpers shared by the roster command-line tests.

/// Roster files for command-line tests, one participant per line: row i (from 0) is on line i + 3.
enum Roster {
    static func xml(_ rows: [String], encoding: String = "UTF-8") -> String {
        "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<roster xmlns=\"urn:roundtable:xml:1\" version=\"1\" partner=\"acme\">\n"
            + rows.map { $0 + "\n" }.joined() + "</roster>\n"
    }

    static func row(_ id: String, _ name: String, _ inner: String = "") -> String {
        #"<participant id="\#(id)"><name>\#(name)</name>\#(inner)</participant>"#
    }

    /// Writes into the workspace folder and returns the name to pass (the CLI runs there).
    static func write(_ text: String, _ name: String, in cli: CLI) throws -> String { try write(Data(text.utf8), name, in: cli) }

    static func write(_ data: Data, _ name: String, in cli: CLI) throws -> String {
        try data.write(to: cli.folder.appendingPathComponent(name))
        return name
    }

    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/RoundtableXML/Resources/roundtable-1.xsd").path

    /// Whether `xmllint --schema` accepts the file; nil when xmllint is not installed.
    static func xmllintAccepts(_ path: String) throws -> Bool? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet", "--schema", schema, path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// Everything an import could change, read straight from the workspace file (read-only).
struct WorkspaceState: Equatable {
    struct Rows: Equatable { var participants, attributes, consents, references, memberships: Int }
    var rows: Rows
    var batches: Int
    var audit: Int
    /// `participant list --format json`.
    var listing: String

    init(_ cli: CLI) throws {
        listing = try cli.key("participant", "list", "--format", "json")
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: cli.databasePath, configuration: configuration)
        let counts = try queue.read { db in
            try ["participant", "participantAttribute", "consent", "externalReference", "membership", "importBatch", "auditEntry"]
                .map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        rows = Rows(participants: counts[0], attributes: counts[1], consents: counts[2], references: counts[3], memberships: counts[4])
        batches = counts[5]
        audit = counts[6]
    }
}

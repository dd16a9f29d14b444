import Foundation
import GRDB
import Testing

@Suite("Only a Roundtable workspace this version knows is opened, and read commands never create one")
struct WorkspaceIdentityCLITests {
    static let reads: [[String]] = [["session", "list"], ["moderator", "list"], ["participant", "list"], ["code", "list"],
                                    ["export", "workspace", "-o", "-"], ["transcript", "search", "kiitos"]]
    static let write = ["moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki"]

    /// A workspace with one moderator.
    static func workspace() throws -> CLI {
        let cli = try CLI()
        let added = try cli.start(write).finish()
        guard added.status == 0 else { throw CLIFailure(description: added.stderr) }
        return cli
    }

    /// The bytes of a file and of the -wal beside it, to prove nothing was written.
    static func snapshot(_ path: String) -> [Data?] {
        [FileManager.default.contents(atPath: path), FileManager.default.contents(atPath: path + "-wal").flatMap { $0.isEmpty ? nil : $0 }]
    }

    @Test func aReadOnAMissingWorkspaceCreatesNothing() throws {
        let cli = try CLI()
        for arguments in Self.reads {
            let result = try cli.run(arguments + ["--db", "w"])
            #expect(result.status == 66, "\(arguments)")
            #expect(result.stderr == "error: no workspace at w; any command that writes creates one\n", "\(arguments)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).isEmpty)
    }

    @Test func filesThatAreNotWorkspacesAreRefusedUntouched() throws {
        let cli = try Self.workspace()
        var random = SystemRandomNumberGenerator()
        let workspace = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        let files: [(String, Data)] = [
            ("random.bin", Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) })),
            ("text.txt", Data("Not a database, but someone's notes.\n".utf8)),
            ("truncated.sqlite", workspace.prefix(8192)),
        ]
        for (name, bytes) in files { try bytes.write(to: URL(fileURLWithPath: cli.path(name))) }
        // Another program's SQLite database, without a single Roundtable table.
        try DatabaseQueue(path: cli.path("other.sqlite")).write { try $0.execute(sql: "CREATE TABLE note(text)") }
        for name in files.map(\.0) + ["other.sqlite"] {
            let before = Self.snapshot(cli.path(name))
            for arguments in Self.reads + [Self.write] {
                let result = try cli.run(arguments + ["--db", name])
                #expect(result.status == 65, "\(name) \(arguments): \(result.stderr)")
                #expect(result.stderr.hasPrefix("error: \(name): "), "\(name) \(arguments)")
                #expect(result.stderr.contains("not a Roundtable workspace") || result.stderr.contains("damaged"), "\(result.stderr)")
                #expect(!result.stderr.contains("SQLite error") && !result.stderr.contains("CREATE"), "\(result.stderr)")
            }
            #expect(Self.snapshot(cli.path(name)) == before, "\(name) was changed")
        }
    }

    @Test func aWorkspaceFromANewerRoundtableIsRefusedBeforeAnyWrite() throws {
        let cli = try Self.workspace()
        let ours = try DatabaseQueue(path: cli.databasePath).read { try Int.fetchOne($0, sql: "PRAGMA user_version") } ?? 0
        #expect(ours > 0, "every workspace is stamped with its version")
        try DatabaseQueue(path: cli.databasePath).writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 999") }
        let before = Self.snapshot(cli.databasePath)
        for arguments in Self.reads + [Self.write] {
            let result = try cli.run(arguments)
            #expect(result.status == 65, "\(arguments)")
            #expect(result.stderr == "error: \(cli.databasePath) was written by a newer Roundtable (workspace version 999); "
                        + "this roundtable reads workspace versions up to \(ours): update roundtable to open it\n", "\(arguments)")
        }
        #expect(Self.snapshot(cli.databasePath) == before)
    }

    @Test func anUnknownMigrationIsRefusedBeforeAnyWrite() throws {
        let cli = try Self.workspace()
        try DatabaseQueue(path: cli.databasePath).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99 something new')")
        }
        let before = Self.snapshot(cli.databasePath)
        for arguments in Self.reads + [Self.write] {
            let result = try cli.run(arguments)
            #expect(result.status == 65, "\(arguments)")
            #expect(result.stderr.contains("was written by a newer Roundtable (schema change 'v99 something new'"), "\(result.stderr)")
        }
        #expect(Self.snapshot(cli.databasePath) == before)
    }

    @Test func aWorkspaceWithoutTheStampIsStillOurs() throws {
        // As written before workspaces were stamped: recognised by its migrations, stamped by the next write.
        let cli = try Self.workspace()
        try DatabaseQueue(path: cli.databasePath).writeWithoutTransaction {
            try $0.execute(sql: "PRAGMA application_id = 0; PRAGMA user_version = 0")
        }
        #expect(try cli.run("moderator", "list").status == 0)
        _ = try cli.key("moderator", "add", "Mikael Söderström", "--email", "mikael@example.fi", "--tz", "Europe/Helsinki")
        let stamp = try DatabaseQueue(path: cli.databasePath).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
        }
        #expect(stamp.0 == 0x5254_424C && stamp.1 > 0)
    }

    @Test func readCommandsNeverWrite() throws {
        let cli = try Self.workspace()
        let before = Self.snapshot(cli.databasePath)
        for arguments in Self.reads {
            #expect(try cli.run(arguments).status == 0, "\(arguments)")
        }
        #expect(Self.snapshot(cli.databasePath) == before)
    }

    /// Root writes anything, so a read-only workspace is tested as `nobody`:
    /// once with a read-only file in a folder nobody may write, once in a folder of its own.
    @Test func aReadOnlyWorkspaceServesReadCommands() throws {
        let cli = try Self.workspace()
        let own = cli.path("own")
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: cli.databasePath, toPath: own + "/ws.sqlite")
        chown(own, 65534, 65534)
        chown(own + "/ws.sqlite", 65534, 65534)
        chmod(own + "/ws.sqlite", 0o400)
        try FileManager.default.copyItem(atPath: cli.databasePath, toPath: cli.path("shared.sqlite"))
        chmod(cli.path("shared.sqlite"), 0o444)
        for path in [own + "/ws.sqlite", cli.path("shared.sqlite")] {
            let before = Self.snapshot(path)
            let listed = try cli.runAsNobody(["moderator", "list", "--db", path])
            #expect(listed.status == 0, "\(path): \(listed.stderr)")
            #expect(listed.stdout.contains("Aino Virtanen"))
            let added = try cli.runAsNobody(Self.write + ["--db", path])
            #expect(added.status == 73, "\(path): \(added.stderr)")
            #expect(added.stderr == "error: \(path) is read-only: this command writes to the workspace\n")
            #expect(Self.snapshot(path) == before)
        }
    }

    @Test func theDemoReplacesOnlyAWorkspace() throws {
        let cli = try CLI()
        let notes = Data("my thesis\n".utf8)
        try notes.write(to: URL(fileURLWithPath: cli.path("thesis.txt")))
        let result = try cli.run("demo", "--db", "thesis.txt")
        #expect(result.status == 65)
        #expect(result.stderr == "error: thesis.txt: not a Roundtable workspace\n")
        #expect(FileManager.default.contents(atPath: cli.path("thesis.txt")) == notes)
    }

    @Test func aBusyTimeoutThatWouldOverflowIsAUsageError() throws {
        var cli = try Self.workspace()
        for value in ["inf", "1e300", "-1", "nan"] {
            cli.environment["ROUNDTABLE_BUSY_TIMEOUT"] = value
            let result = try cli.run("moderator", "list")
            #expect(result.status == 64, "\(value): \(result.stderr)")
        }
    }

    @Test func aHugeSearchIsAUsageError() throws {
        let cli = try PathsCLITests.demo()
        let long = String(repeating: "a", count: 50_000)
        for arguments in [["participant", "list", "--search", long], ["transcript", "search", long],
                          ["transcript", "search"] + Array(repeating: "ab", count: 65)] {
            let result = try cli.run(arguments)
            #expect(result.status == 64, "\(arguments.prefix(3)): \(result.stderr.prefix(200))")
            #expect(!result.stderr.contains("SQL") && !result.stderr.contains("LIKE"))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let longest = try cli.run("participant", "list", "--search", String(repeating: "a", count: 1000))
        #expect(longest.status == 0, "\(longest.stderr)")
        let literal = try cli.run("participant", "list", "--search", "%_")
        #expect(literal.status == 0)
        #expect(!literal.stdout.contains("P-0"), "% and _ are text, not wildcards")
    }
}

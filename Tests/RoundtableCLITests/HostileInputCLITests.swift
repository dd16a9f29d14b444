import Foundation
import Testing

@Suite("Hostile roster files are refused with a located error and an untouched workspace")
struct HostileInputCLITests {
    /// A file that must be refused: how to write it, and where its error is (nil: any line:column; "": none).
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var location: String?
        var make: @Sendable (_ folder: URL, _ marker: String, _ port: UInt16) throws -> Data
        var testDescription: String { name }
    }

    static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    static let open = #"<roster xmlns="urn:roundtable:xml:1" version="1" partner="acme">"#
    static func doc(_ doctype: String, _ name: String = "&leak;") -> Data {
        Data((head + doctype + "\n" + open + "\n" + Roster.row("H-1", name) + "\n</roster>\n").utf8)
    }
    static func plain(_ body: String) -> Data { Data((head + open + "\n" + body + "\n</roster>\n").utf8) }
    static func secret(_ folder: URL) -> String { folder.appendingPathComponent("secret.txt").path }

    /// Refused by the prescan (before libxml2) in XMLStreamReader.init.
    static let refusedUpFront: [Case] = [
        Case(name: "external entity to a local file", location: "2:1") { f, _, _ in
            doc(#"<!DOCTYPE roster [<!ENTITY leak SYSTEM "file://\#(secret(f))">]>"#) },
        Case(name: "parameter-entity XXE", location: "2:1") { f, _, _ in
            doc(#"<!DOCTYPE roster [<!ENTITY % file SYSTEM "file://\#(secret(f))"><!ENTITY % wrap "<!ENTITY leak '%file;'>">%wrap;]>"#) },
        Case(name: "external DTD by file URL", location: "2:1") { f, m, _ in
            try Data("<!ENTITY leak \"\(m)\">".utf8).write(to: f.appendingPathComponent("evil.dtd"))
            return doc(#"<!DOCTYPE roster SYSTEM "file://\#(f.appendingPathComponent("evil.dtd").path)">"#) },
        Case(name: "external DTD by relative path", location: "3:3") { f, m, _ in
            try Data("<!ENTITY leak \"\(m)\">".utf8).write(to: f.appendingPathComponent("evil.dtd"))
            return doc("<!-- a comment first -->\n  <!DOCTYPE roster SYSTEM \"evil.dtd\">") },
        Case(name: "entity to an http URL", location: "2:1") { _, _, port in
            doc(#"<!DOCTYPE roster [<!ENTITY leak SYSTEM "http://127.0.0.1:\#(port)/leak">]>"#) },
        Case(name: "billion laughs", location: "2:1") { _, _, _ in
            let levels = (1...9).map { #"<!ENTITY l\#($0) "\#(String(repeating: "&l\($0 - 1);", count: 10))">"# }
            return doc("<!DOCTYPE roster [<!ENTITY l0 \"lol\">" + levels.joined() + "]>", "&l9;") },
        Case(name: "quadratic blowup", location: "2:1") { _, _, _ in
            doc("<!DOCTYPE roster [<!ENTITY a \"\(String(repeating: "a", count: 50_000))\">]>", String(repeating: "&a;", count: 50_000)) },
        Case(name: "gzip of a valid roster", location: "1:1") { f, _, _ in try gzip(plain(Roster.row("Z-1", "Zip")), in: f) },
        Case(name: "empty file", location: "") { _, _, _ in Data() },
    ]

    /// Reach libxml2 and fail while streaming.
    static let refusedWhileReading: [Case] = [
        Case(name: "nesting deeper than 256") { _, _, _ in
            plain(Roster.row("D-1", "Deep") + #"<x:deep xmlns:x="urn:example:other">"# + String(repeating: "<x:d>", count: 300)
                  + String(repeating: "</x:d>", count: 300) + "</x:deep>") },
        Case(name: "12 MB text node") { _, _, _ in plain(Roster.row("T-1", String(repeating: "a", count: 12_000_000))) },
        Case(name: "invalid UTF-8") { _, _, _ in
            Data((head + open + "\n" + Roster.row("U-1", "ok") + "\n<participant id=\"U-2\"><name>B").utf8)
                + Data([0xFF, 0xFE, 0xC3, 0x28]) + Data("</name></participant>\n</roster>\n".utf8) },
        Case(name: "truncated file") { _, _, _ in
            let whole = plain((1...20).map { Roster.row("C-\($0)", "Cut \($0)") }.joined(separator: "\n"))
            return whole.prefix(whole.count * 2 / 3) },
        Case(name: "wrong root element") { _, _, _ in
            Data((head + #"<html xmlns="urn:roundtable:xml:1" version="1"><participant id="W"><name>W</name></participant></html>"#).utf8) },
        Case(name: "right root in the wrong namespace") { _, _, _ in
            Data((head + #"<roster xmlns="urn:roundtable:xml:2" version="1">"# + Roster.row("N-1", "N") + "</roster>").utf8) },
    ]

    @Test(arguments: refusedWhileReading)
    func exits65WithALocatedOneLineError(_ hostile: Case) throws {
        try Self.expect65(hostile, try Self.importHostile(hostile))
    }

    @Test(arguments: refusedUpFront)
    func refusedUpFrontWithoutTouchingTheWorkspace(_ hostile: Case) throws {
        #expect(try Self.importHostile(hostile).status == 65)
    }

    @Test(arguments: refusedUpFront)
    func refusedUpFrontExits65WithALocatedOneLineError(_ hostile: Case) throws {
        try Self.expect65(hostile, try Self.importHostile(hostile))
    }

    @Test
    func xincludeIsRefused() throws {
        let result = try Self.importHostile(Self.xinclude)
        try Self.expect65(Self.xinclude, result)
        #expect(result.stderr.hasPrefix("error: hostile.xml:2:"), "\(result.stderr)")
    }

    static let xinclude = Case(name: "XInclude of a local file") { f, _, _ in
        Data((head + #"<roster xmlns="urn:roundtable:xml:1" xmlns:xi="http://www.w3.org/2001/XInclude" version="1">"#
              + #"<participant id="X-1"><name>X</name><xi:include href="\#(secret(f))" parse="text"/></participant>"#
              + #"<xi:include href="secret.txt" parse="text"/></roster>"#).utf8) }

    @Test func aFileOverMaxSizeIsRefused() throws {
        let result = try Self.importHostile(Case(name: "big", location: "") { _, _, _ in Self.plain(Roster.row("B-1", "Big")) }, extra: ["--max-size", "100"])
        #expect(result.stderr.contains("over the 100-byte limit (--max-size)"))
        #expect(result.status == 65)
    }

    /// libxml2 2.9 handles an element's attributes in quadratic time: 100,000 on one element, a
    /// 1.5 MB file, kept it busy for minutes. Every reader that opens a file counts them first.
    @Test(arguments: [["import", "roster", "wide.xml", "--partner", "acme"], ["import", "workspace", "wide.xml"],
                      ["import", "codebook", "wide.xml"]])
    func anElementWithThousandsOfAttributesIsRefusedAtOnce(_ arguments: [String]) throws {
        let cli = try CLI()
        let attributes = (0..<100_000).map { " a\($0)=\"\($0)\"" }.joined()
        try Data((Self.head + Self.open + "\n<participant id=\"W-1\"\(attributes)><name>W</name></participant>\n</roster>\n").utf8)
            .write(to: cli.folder.appendingPathComponent("wide.xml"))
        let result = try cli.start(arguments).finish(within: 30)
        #expect(result.status == 65, "\(arguments): \(result.stderr)")
        #expect(result.stderr == "error: wide.xml:3: an element has more than 1000 attributes; refused (no file Roundtable reads has such elements)\n",
                "\(arguments)")
    }

    @Test func aMissingFileExits66() throws {
        let cli = try Self.workspace()
        let before = try WorkspaceState(cli)
        let result = try cli.run("import", "roster", "nowhere.xml", "--partner", "acme")
        #expect(result.status == 66)
        #expect(result.stderr == "error: nowhere.xml: cannot read the file: no such file or directory\n")
        #expect(try WorkspaceState(cli) == before)
    }

    /// A workspace with a small earlier import, so "unchanged" has something to compare.
    static func workspace() throws -> CLI {
        let cli = try CLI()
        let rows = [Roster.row("P-1", "Aino", #"<attribute name="segment">SMB</attribute>"#), Roster.row("P-2", "Bo")]
        _ = try cli.key("import", "roster", Roster.write(Roster.xml(rows), "pre.xml", in: cli), "--partner", "acme")
        return cli
    }

    /// Imports the hostile file into a fresh workspace; checks that no secret leaked, nothing was fetched and,
    /// when `refused`, that the workspace is unchanged and stderr is one line naming the file and position.
    static func importHostile(_ hostile: Case, refused: Bool = true, extra: [String] = [],
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> CLI.Result {
        let cli = try workspace()
        let marker = "RT-SECRET-\(UUID().uuidString)"
        try Data(marker.utf8).write(to: URL(fileURLWithPath: secret(cli.folder)))
        let listener = try Listener()
        try hostile.make(cli.folder, marker, listener.port).write(to: cli.folder.appendingPathComponent("hostile.xml"))
        let before = try WorkspaceState(cli)
        let result = try cli.start(["import", "roster", "hostile.xml", "--partner", "acme"] + extra).finish()
        var stored = Data()
        for suffix in ["", "-wal"] { stored += (try? Data(contentsOf: URL(fileURLWithPath: cli.databasePath + suffix))) ?? Data() }
        #expect(!result.stdout.contains(marker) && !result.stderr.contains(marker), sourceLocation: sourceLocation)
        #expect(stored.range(of: Data(marker.utf8)) == nil, "the secret reached the workspace file", sourceLocation: sourceLocation)
        #expect(!listener.wasContacted, "a network request was made", sourceLocation: sourceLocation)
        guard refused else { return result }
        #expect(try WorkspaceState(cli) == before, "the workspace changed", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr.filter { $0 == "\n" }.count == 1 && result.stderr.hasSuffix("\n"), "\(result.stderr)", sourceLocation: sourceLocation)
        let at = hostile.location.map { $0.isEmpty ? "hostile.xml: " : "hostile.xml:\($0): " }
        let located = at.map(result.stderr.contains) ?? (result.stderr.firstMatch(of: /hostile\.xml:\d+:\d+: \S/) != nil)
        #expect(located, "no \(at ?? "line:column") in \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    static func expect65(_ hostile: Case, _ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(result.status == 65, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("error: hostile.xml:"), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    static func gzip(_ data: Data, in folder: URL) throws -> Data {
        let plain = folder.appendingPathComponent("plain.xml")
        try data.write(to: plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n", plain.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let zipped = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return zipped
    }
}

/// A TCP port on 127.0.0.1 that notices any connection attempt: proof that nothing was fetched.
final class Listener {
    let socket: Int32
    let port: UInt16

    init() throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, listening, fcntl(fd, F_SETFL, O_NONBLOCK) == 0 else { throw CLIFailure(description: "cannot listen on 127.0.0.1") }
        socket = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Whether anyone connected: the kernel keeps finished handshakes in the backlog until accepted.
    var wasContacted: Bool {
        let connection = accept(socket, nil, nil)
        if connection >= 0 { close(connection) }
        return connection >= 0
    }

    deinit { close(socket) }
}

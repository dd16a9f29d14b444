import Foundation
import Testing

/// What the HTML reports do with hostile and right-to-left text, where they are written, and that
/// they stay one file that fetches nothing.
@Suite("HTML reports: escaping, self-contained, where they go")
struct HTMLReportSafetyCLITests {
    /// Text for `field` that breaks HTML unless escaped, in two right-to-left scripts too; code names
    /// cannot hold a slash, so theirs opens a script without closing it.
    static func hostile(_ field: String) -> String {
        (field == "code" ? "<script>alert(1)" : "<script>alert(1)</script>") + "\(field) & \"q\" 'a' مرحبا שלום"
    }

    /// `hostile(field)` as escaped HTML shows it.
    static func escaped(_ field: String) -> String {
        (field == "code" ? "&lt;script&gt;alert(1)" : "&lt;script&gt;alert(1)&lt;/script&gt;") + "\(field) &amp; &quot;q&quot; &#39;a&#39; مرحبا שלום"
    }

    /// A panel whose every user-typed text is hostile: two meetings (August and November 2026; focus
    /// groups would fall in one another's cool-down) with a
    /// concept shown, rated, a transcript coded and quoted, an action, and survey answers in two quarters.
    static func hostileWorkspace() throws -> CLI {
        var cli = try CLI()
        _ = try cli.key("moderator", "add", hostile("moderator"), "--email", "m@example.fi", "--tz", "Europe/Helsinki")
        _ = try cli.key("panel", "create", "pool", "--name", hostile("panel"), "--kind", "pool", "--description", hostile("purpose"))
        for person in 1...3 {
            let key = try cli.key("participant", "add", "--name", hostile("person\(person)"), "--attr", "segment=" + hostile("segment"))
            for scope in ["contact", "quotes"] { _ = try cli.key("participant", "consent", key, "--scope", scope, "--given") }
            _ = try cli.key("panel", "add-member", "pool", key)
        }
        _ = try cli.key("concept", "add", "eco-box", "--title", hostile("concept"), "--description", hostile("pitch"))
        _ = try cli.key("code", "add", hostile("code"))
        for (session, start, now) in [("S-0001", "2026-08-10T10:00+03:00", "2026-08-11T09:00:00Z"),
                                      ("S-0002", "2026-11-20T10:00+02:00", "2026-11-21T09:00:00Z")] {
            _ = try cli.key("session", "schedule", "--title", hostile("session"), "--room", hostile("room"), "--start", start,
                            "--duration", "90m", "--moderator", "M-0001", "--capacity", "6", "--panel", "pool", "--allow-past",
                            "--kind", "advisory-meeting")
            _ = try cli.key("session", "invite", session, "P-000001", "P-000002", "P-000003")
            for person in ["P-000001", "P-000002", "P-000003"] { _ = try cli.key("session", "rsvp", session, person, "--yes") }
            _ = try cli.key("session", "attend", session, "P-000001", "P-000002", "P-000003")
            _ = try cli.key("concept", "present", session, "eco-box")
            for (person, appeal, recommend) in [("P-000001", "5", "10"), ("P-000002", "3", "7"), ("P-000003", "2", "4")] {
                _ = try cli.key("concept", "react", session, "eco-box", person, "--appeal", appeal, "--intent", "3",
                                "--recommend", recommend)
            }
            let utterance = try cli.key("transcript", "add", session, "--speaker", "P-000001", hostile("quote"))
            _ = try cli.key("code", "apply", hostile("code"), "--utterance", utterance)
            _ = try cli.key("note", "add", session, "--kind", "action", hostile("action"))
            var later = cli
            later.environment["ROUNDTABLE_NOW"] = now
            for (person, quality) in [("P-000001", "5"), ("P-000002", "3")] {
                _ = try later.key("survey", "record", person, "--session", session, "--quality", quality, "--speed", "4",
                                  "--price", "3", "--trust", "4", "--recommend", "9")
            }
        }
        return cli
    }

    /// Nothing in `html` runs or loads anything: no script, no external address, no style import.
    static func expectSelfContained(_ html: String, _ name: String) {
        let lower = html.lowercased()
        for banned in ["<script", "http://", "https://", "@import", "url(", "src=", "<link", "<iframe", "<object", "javascript:"] {
            #expect(!lower.contains(banned), "\(name) contains \(banned)")
        }
    }

    @Test func userTextIsEscapedEverywhereAndNothingIsFetched() throws {
        let cli = try Self.hostileWorkspace()
        var pages: [String: String] = [:]
        for arguments in [["session", "S-0001"], ["concept", "eco-box", "--by", "segment"], ["panel", "pool"]] {
            let result = try cli.start(["report"] + arguments + ["--format", "html", "-o", "-"]).finish()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == "wrote the \(arguments[0]) report of \(arguments[1]) to standard output\n")
            Self.expectSelfContained(result.stdout, arguments[0])
            #expect(result.stdout.contains("dir=\"auto\""))
            pages[arguments[0]] = result.stdout
        }
        let fields = ["session": ["session", "room", "concept", "moderator", "quote", "person1", "code", "action"],
                      "concept": ["concept", "pitch", "session", "segment"],
                      "panel": ["panel", "purpose", "session", "room", "concept", "quote", "person1", "code", "action"]]
        for (page, names) in fields {
            for name in names {
                #expect(pages[page]!.contains(Self.escaped(name)), "the \(page) report does not show \(name) escaped")
            }
        }
        // The survey of two quarters is drawn as lines with interval bands.
        let panel = pages["panel"]!
        #expect(panel.contains("2026-Q3") && panel.contains("2026-Q4"))
        #expect(panel.contains("<polyline") && panel.contains("<polygon"))
        // Chart labels keep right-to-left text isolated, escaped like the rest.
        #expect(panel.contains("\u{2068}&lt;script&gt;"))
    }

    @Test func defaultFileIsInExportsAndFormatsOtherThanHTMLRefuseAFile() throws {
        let cli = try TranscriptExchangeCLITests.demo()
        let result = try cli.start(["report", "panel", "helsinki-pool", "--format", "html"]).finish()
        #expect(result.status == 0, "\(result.stderr)")
        let path = "exports/report-panel-helsinki-pool-2026-12-01T0900.html"
        #expect(result.stdout == "wrote the panel report of helsinki-pool to \(path)\n")
        let html = try String(contentsOf: cli.folder.appendingPathComponent(path), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        Self.expectSelfContained(html, "panel")
        let refused = try cli.run("report", "panel", "helsinki-pool", "--format", "json", "-o", "x.json")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("-o is for --format html"))
    }

    @Test func aBrokenLayoutIsNamedWithItsLine() throws {
        var cli = try TranscriptExchangeCLITests.demo()
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates/reports")
        let copy = cli.folder.appendingPathComponent("templates/reports")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: shipped, to: copy)
        let chart = copy.appendingPathComponent("chart.mustache")
        try (try String(contentsOf: chart, encoding: .utf8) + "{{#dots}}\n").write(to: chart, atomically: true, encoding: .utf8)
        cli.environment["ROUNDTABLE_TEMPLATES"] = copy.deletingLastPathComponent().path
        let result = try cli.run("report", "session", "S-0001", "--format", "html", "-o", "-")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: \(chart.path):"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("cannot read the template: a section is never closed\n"), "\(result.stderr)")
    }

    @Test func sessionReportMatchesGolden() throws {
        let cli = try TranscriptExchangeCLITests.demo()
        let result = try cli.run("report", "session", "S-0001", "--format", "html", "-o", "-")
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, against: "report-session-S-0001.html")
    }
}

import Foundation
import Testing

@Suite("An installed copy runs outside the checkout")
struct InstallCLITests {
    @Test func demoAndReportRunFromACopyInAnotherFolder() throws {
        let installed = try Installation()
        let db = installed.path("d/demo.sqlite")
        let demo = try installed.run(["demo", "--db", db])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stderr.isEmpty)
        #expect(demo.stdout.split(separator: "\n").first.map(String.init)
            == "Demo workspace \(db): 3 moderators, 2 panels, 24 participants, 6 sessions, 22 seats;")
        // The demo's export lands in the working directory, as it does in a checkout.
        let export = "exports/transcript-S-0001-2026-12-01T0900.xml"
        #expect(demo.stdout.contains("Coded transcript of S-0001 (16 utterances): \(export)\n"))
        #expect(FileManager.default.fileExists(atPath: installed.work.appendingPathComponent(export).path))
        let report = try installed.run(["report", "panel", "helsinki-pool", "--db", db])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Helsinki consumer focus-group pool"))
        // The HTML layouts come from the bundle too.
        let html = try installed.run(["report", "panel", "helsinki-pool", "--format", "html", "-o", "r.html", "--db", db])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOf: installed.work.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("Helsinki consumer focus-group pool") && !page.contains("<script"))
    }

    @Test func aSymlinkToTheBinaryFindsTheBundleBesideTheTarget() throws {
        let installed = try Installation()
        let elsewhere = installed.root.appendingPathComponent("path-bin")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let link = elsewhere.appendingPathComponent("roundtable")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: installed.binary)
        let demo = try installed.run(["demo", "--db", installed.path("d/demo.sqlite")], executable: link)
        #expect(demo.status == 0, "\(demo.stderr)")
    }

    @Test func theTemplatesVariableReplacesTheSubfoldersItHas() throws {
        let installed = try Installation()
        // A custom demo/ only: the demo's codebook still comes from the bundle.
        let custom = installed.root.appendingPathComponent("custom")
        try FileManager.default.createDirectory(at: custom, withIntermediateDirectories: true)
        let bundledDemo = installed.bin.appendingPathComponent("Roundtable_roundtable.resources/templates/demo")
        try FileManager.default.copyItem(at: bundledDemo, to: custom.appendingPathComponent("demo"))
        let sessions = custom.appendingPathComponent("demo/sessions.json")
        let text = try String(contentsOf: sessions, encoding: .utf8)
        #expect(text.contains("\"Q1 road map review\""))
        try text.replacingOccurrences(of: "\"Q1 road map review\"", with: "\"Q1 road map review, our copy\"")
            .write(to: sessions, atomically: true, encoding: .utf8)
        let demo = try installed.run(["demo", "--db", installed.path("d/demo.sqlite")],
                                     environment: ["ROUNDTABLE_TEMPLATES": custom.path])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("Q1 road map review, our copy"))
    }

    @Test func aTemplatesVariableNamingNothingIsAnError() throws {
        let installed = try Installation()
        let nothing = installed.path("no-such-folder")
        let demo = try installed.run(["demo", "--db", installed.path("d/demo.sqlite")],
                                     environment: ["ROUNDTABLE_TEMPLATES": nothing])
        #expect(demo.status == 66)
        #expect(demo.stderr == "error: ROUNDTABLE_TEMPLATES=\(nothing) is not a folder\n")
        #expect(demo.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: installed.path("d/demo.sqlite")))
    }

    @Test func aCopyWithoutItsBundleSaysWhatIsMissing() throws {
        let installed = try Installation(withBundles: false)
        let demo = try installed.run(["demo", "--db", installed.path("d/demo.sqlite")])
        #expect(demo.status == 66)
        #expect(demo.stderr == "error: cannot find the templates: copy Roundtable_roundtable.resources into "
            + "\(installed.bin.path) beside the roundtable binary, or set ROUNDTABLE_TEMPLATES\n")
    }
}

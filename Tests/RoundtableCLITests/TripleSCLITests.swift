import Foundation
import Testing

@Suite("import roster FILE.sss (Triple-S) on the command line")
struct TripleSCLITests {
    /// `../shared/interop/samples/triple-s/` beside the checkout.
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/interop/samples/triple-s")

    static func sample(_ number: Int) -> String { samples.appendingPathComponent("andrie-sss_sample-\(number).sss").path }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func sample1ImportsIntoAFreshWorkspaceWithEveryVariable() throws {
        let cli = try CLI()
        let result = try cli.run("import", "roster", Self.sample(1), "--partner", "agency", "--map", "name=Q3", "--skip-invalid")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "imported batch 1 from agency: 2 new, 0 updated, 0 unchanged, 1 rejected\n")
        let asc = Self.samples.appendingPathComponent("andrie-sss_sample-1.asc").path
        #expect(result.stderr.contains("warning: skipped \(asc):2: no name: Q3 is blank"))
        #expect(result.stderr.contains("the record number is the partner's id"))

        let list = try #require(try Self.json(cli.key("participant", "list", "--format", "json")) as? [[String: Any]])
        #expect(list.compactMap { $0["name"] as? String } == ["Amusement Park", #""Marco's" Restaurant"#])
        let shown = try #require(try Self.json(cli.key("participant", "show", "P-000002", "--format", "json")) as? [String: Any])
        #expect(shown["attributes"] as? [String: String] == [
            "Q1": "Visited before within the year", "Q2": #"Sherwood Forest; "Maid Marion" Cafe; Other"#,
            "Q4": #"Other; "Maid Marion" Cafe"#, "Q5": "58", "Q6": "false", "Q7": "", "Q99": "0.7"])

        let again = try cli.run("import", "roster", Self.sample(1), "--partner", "agency", "--map", "name=Q3", "--skip-invalid")
        #expect(again.stdout.hasSuffix("0 new, 0 updated, 2 unchanged, 1 rejected (nothing changed)\n"))
    }

    @Test func theUTF16SamplesImportAndUndeclaredCodesAreReported() throws {
        let cli = try CLI()
        let four = try cli.run("import", "roster", Self.sample(4), "--partner", "four", "--map", "name=foyer")
        #expect(four.status == 0 && four.stdout.contains("10 new") && four.stderr.isEmpty, "\(four.stderr)")
        let five = try cli.run("import", "roster", Self.sample(5), "--partner", "five", "--map", "name=foyer")
        #expect(five.status == 0 && five.stdout.contains("10 new"))
        #expect(five.stderr.contains("andrie-sss_sample-5.asc:8: typtel: code '3' is not declared in the metadata (3 rows); kept as the code"))
        let shown = try #require(try Self.json(cli.key("participant", "show", "P-000020", "--format", "json")) as? [String: Any])
        #expect(shown["attributes"] as? [String: String] == ["weekday": "Sunday", "typtel": "3"])
    }

    @Test func aBadRowFailsTheImportWithItsDataLine() throws {
        let cli = try CLI()
        try FileManager.default.copyItem(atPath: Self.sample(1), toPath: cli.folder.appendingPathComponent("s.sss").path)
        let good = "2101000001Amusement Park                190121101.4000"
        try Data([good, good.replacingOccurrences(of: "012", with: "01X")].joined(separator: "\r\n").utf8)
            .write(to: cli.folder.appendingPathComponent("s.asc"))
        let result = try cli.run("import", "roster", "s.sss", "--partner", "agency", "--map", "name=Q3")
        #expect(result.status == 65)
        #expect(result.stderr.hasSuffix("error: s.asc:2: Q5: '01X' is not a number\n"
            + "error: 1 rejected row; nothing imported (fix them, or give --skip-invalid)\n"), "\(result.stderr)")
        #expect(try cli.key("participant", "list", "--format", "json") == "[\n\n]")
    }

    /// Issue 11: `finish="2000000000"` built a two-gigabyte string for every row (700 MB and growing).
    @Test func aHugePositionIsRefusedAtOnceWithItsLine() throws {
        let cli = try CLI()
        let sss = try String(contentsOfFile: Self.sample(1), encoding: .isoLatin1)
            .replacingOccurrences(of: #"<position start="46" />"#, with: #"<position start="46" finish="2000000000"/>"#)
        try Data(sss.utf8).write(to: cli.folder.appendingPathComponent("s.sss"))
        try FileManager.default.copyItem(atPath: Self.samples.appendingPathComponent("andrie-sss_sample-1.asc").path,
                                         toPath: cli.folder.appendingPathComponent("s.asc").path)
        let clock = ContinuousClock()
        let started = clock.now
        let result = try cli.run("import", "roster", "s.sss", "--partner", "agency", "--map", "name=Q3")
        #expect(clock.now - started < .seconds(5))
        #expect(result.status == 65)
        #expect(result.stderr == "error: s.sss:152: variable Q6 (ident 6): position 46–2000000000 is past the last column "
                + "a record may have (1000000)\n", "\(result.stderr)")
    }

    @Test func usageAndMissingFilesExitAsDocumented() throws {
        let cli = try CLI()
        let noName = try cli.run("import", "roster", Self.sample(1), "--partner", "agency")
        #expect(noName.status == 64 && noName.stderr.contains(#"variables that look like names: Q3 ("Other attractions visited")"#))
        try FileManager.default.copyItem(atPath: Self.sample(4), toPath: cli.folder.appendingPathComponent("alone.sss").path)
        let missing = try cli.run("import", "roster", "alone.sss", "--partner", "agency", "--map", "name=foyer")
        #expect(missing.status == 66 && missing.stderr.hasPrefix("error: alone.asc: the data file for alone.sss is missing"), "\(missing.stderr)")
        let native = try cli.run("import", "roster", "roster.xml", "--partner", "agency", "--map", "name=X")
        #expect(native.status == 64 && native.stderr.contains("--map and --map-file apply to Triple-S (.sss) files only"))
    }
}

import Foundation
import Testing

/// `report session|concept|panel --format html` end to end: a real browser draws each report from
/// the demo workspace, prints it to A4, and the figures and charts are there.
@Suite("HTML reports in a browser and on A4 paper", .serialized)
struct HTMLReportCLITests {
    /// The chart colours of templates/reports/style.mustache that each report must show.
    static let appeal = "2563eb", intent = "d97706", promoter = "16a34a", detractor = "dc2626", bar = "0f766e", price = "7c3aed"

    /// Writes the report to a file in the CLI's folder and returns it with what the command printed.
    static func write(_ cli: CLI, _ arguments: [String], name: String) throws -> (file: URL, html: String) {
        let file = cli.folder.appendingPathComponent(name)
        let result = try cli.start(["report"] + arguments + ["--format", "html", "-o", file.path]).finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote the \(arguments[0]) report of "), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" to \(file.path)\n"), "\(result.stdout)")
        return (file, try String(contentsOf: file, encoding: .utf8))
    }

    /// The cells of the text report's row that starts with `first`, split where the table puts two spaces.
    static func cells(_ text: String, row first: String) throws -> [String] {
        let line = try #require(text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(first + " ") })
        return line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Renders `file`, then checks the A4 PDF has `figures` in its text and the screenshot shows `colours`.
    static func check(_ file: URL, in cli: CLI, figures: [String], colours: [String]) throws {
        let (png, pdf) = try Browser.render(file, in: cli.folder)
        let printed = try Browser.read(pdf)
        #expect(printed.pages >= 1)
        let size = printed.pageSize.split(separator: " ").compactMap { Double($0) }
        #expect(size.count == 2 && abs(size[0] - 595) < 1 && abs(size[1] - 842) < 1, "A4 is 595 x 842 pt, not \(printed.pageSize)")
        let text = printed.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // An estimate's interval is printed under its value: look for each on its own.
        for figure in figures {
            for part in figure.components(separatedBy: " [").enumerated().map({ $0.offset == 0 ? $0.element : "[" + $0.element }) {
                #expect(text.contains(part), "the PDF does not show \(part) (of \(figure))")
            }
        }
        let pixels = try Browser.pixels(png, colours: colours)
        #expect(pixels.width == 1200 && pixels.height == 2000)
        #expect(pixels.nonWhite > 20_000, "the screenshot is nearly blank")
        for colour in colours {
            #expect(pixels.colours[colour, default: 0] > 150, "no chart drawn in #\(colour): \(pixels.colours)")
        }
    }

    @Test func sessionReport() throws {
        let cli = try TranscriptExchangeCLITests.demo()
        let (file, html) = try Self.write(cli, ["session", "S-0001"], name: "session.html")
        #expect(html.contains("<svg"))
        let text = try cli.key("report", "session", "S-0001")
        let first = try Self.cells(text, row: "1")
        // #, concept, n, appeal ±, intent ±, NPS, expectations: HTML adds the intervals.
        try #require(first.count == 7)
        let nps = try #require(text.split(separator: "\n").first { $0.hasPrefix("All reactions: NPS ") })
        try Self.check(file, in: cli, figures: [first[1], first[3].components(separatedBy: " ±")[0], first[4].components(separatedBy: " ±")[0],
                                                first[5], first[6], String(nps.dropFirst("All reactions: NPS ".count)).components(separatedBy: " (n")[0],
                                                "Open actions", "Top codes"],
                       colours: [Self.appeal, Self.intent, Self.promoter, Self.detractor, Self.bar])
    }

    @Test func conceptReport() throws {
        let cli = try TranscriptExchangeCLITests.demo()
        let (file, _) = try Self.write(cli, ["concept", "savings-goals"], name: "concept.html")
        let all = try Self.cells(try cli.key("report", "concept", "savings-goals"), row: "all")
        // all, n, appeal, appeal 4-5, intent, intent 4-5, NPS, expectations.
        try #require(all.count >= 7)
        try Self.check(file, in: cli, figures: ["savings-goals", all[2], all[3], all[4], all[6]],
                       colours: [Self.appeal, Self.intent, Self.promoter])
    }

    @Test func panelReport() throws {
        let cli = try TranscriptExchangeCLITests.demo()
        let (file, html) = try Self.write(cli, ["panel", "helsinki-pool", "--tz", "Europe/Helsinki"], name: "panel.html")
        #expect(html.contains("Satisfaction survey by quarter"))
        let text = try cli.key("report", "panel", "helsinki-pool", "--tz", "Europe/Helsinki")
        let concept = try Self.cells(text, row: "savings-goals")
        let quarter = try #require(text.split(separator: "\n").first { $0.contains("-Q") })
        let quarterCells = quarter.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").filter { !$0.isEmpty }
        try Self.check(file, in: cli, figures: [concept[1], concept[2], concept.last!, quarterCells[0], quarterCells[2]],
                       colours: [Self.appeal, Self.intent, Self.promoter, Self.price])
    }
}

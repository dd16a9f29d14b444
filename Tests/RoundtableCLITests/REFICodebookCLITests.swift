import Foundation
import RoundtableXML
import Testing

@Suite("REFI-QDA codebooks from the command line")
struct REFICodebookCLITests {
    static let interop = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/interop")

    @Test func exportImportExportKeepsEveryCodeAndGUID() throws {
        var cli = try CLI()
        cli.environment["ROUNDTABLE_DB"] = cli.folder.appendingPathComponent("demo.sqlite").path
        _ = try cli.key("demo")
        let first = cli.folder.appendingPathComponent("first.qdc").path
        #expect(try cli.key("export", "codebook", "-o", first) == "wrote 22 codes to \(first)")
        let schema = Self.interop.appendingPathComponent("schemas/refi/Codebook-mrt2019.xsd").path
        #expect(try InteropValidation.errors(inFile: first, schemaPath: schema) == [])
        let fresh = cli.folder.appendingPathComponent("fresh.sqlite").path
        #expect(try cli.key("import", "codebook", first, "--db", fresh).hasSuffix("22 codes created, 0 updated, 0 unchanged"))
        #expect(try cli.key("import", "codebook", first, "--db", fresh).hasSuffix("0 codes created, 0 updated, 22 unchanged"))
        let second = cli.folder.appendingPathComponent("second.qdc").path
        _ = try cli.key("export", "codebook", "-o", second, "--db", fresh)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second)) == Data(contentsOf: URL(fileURLWithPath: first)))
    }

    @Test func taguettesCodebookImportsWithAWarning() throws {
        let cli = try CLI()
        let sample = Self.interop.appendingPathComponent("samples/refi/taguette141_uto_tag_codebook.qdc").path
        let result = try cli.run("import", "codebook", sample)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("3 codes created, 0 updated, 0 unchanged\n"))
        #expect(result.stderr.hasPrefix("warning: \(sample):2: empty <Sets/>"))
        #expect(try cli.key("code", "list").contains("CodeBook"))
    }

    @Test func anEmptyCodebookIsNotExported() throws {
        let cli = try CLI()
        // A workspace without codes (a read command never creates one).
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        let result = try cli.run("export", "codebook", "-o", "x.qdc")
        #expect(result.status == 65)
        #expect(result.stderr == "error: the codebook is empty: a REFI-QDA codebook needs at least one code\n")
    }
}

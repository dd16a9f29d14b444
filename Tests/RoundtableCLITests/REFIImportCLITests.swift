import Foundation
import RoundtableCore
import RoundtableXML
import Testing

/// `import refi`: real projects from ATLAS.ti, MAXQDA and NVivo come in, and export again as valid REFI-QDA.
@Suite("REFI-QDA project import")
struct REFIImportCLITests {
    static let samples = REFIExportCLITests.interop.appendingPathComponent("samples/refi")

    static func importSample(_ name: String) throws -> (cli: CLI, out: String, err: String) {
        let cli = try CLI()
        let result = try cli.run("import", "refi", samples.appendingPathComponent(name).path)
        #expect(result.status == 0, "\(result.stderr)")
        return (cli, result.stdout, result.stderr)
    }

    @Test(arguments: [("blank-atlas-project.qdpx", "0 sources, 0 utterances, 0 codes"),
                      ("target-atlas-project.qdpx", "0 sources, 0 utterances, 3 codes")])
    func projectsWithoutSourcesImportTheirCodebookWithAWarning(name: String, counts: String) throws {
        let (_, out, err) = try Self.importSample(name)
        #expect(out.contains(counts), "\(out)")
        #expect(err.contains("warning:"))
    }

    /// ATLAS.ti's sample declares six text sources but ships an empty `Sources/`: importing it as if it
    /// had none would lose them silently, so only `--codebook-only` brings its codebook across.
    @Test func aProjectWhoseSourceTextsAreMissingIsRefusedUnlessCodebookOnly() throws {
        let cli = try CLI()
        let path = Self.samples.appendingPathComponent("atlasti8_standard_project_TestProject.qdpx").path
        let refused = try cli.run("import", "refi", path)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("source '1960s Coca Cola commercial - Audio.docx': its plain text (internal://"), "\(refused.stderr)")
        #expect(refused.stderr.contains("is not in the archive"))
        let codebook = try cli.run("import", "refi", path, "--codebook-only")
        #expect(codebook.status == 0, "\(codebook.stderr)")
        #expect(codebook.stdout.contains("0 sources, 0 utterances, 14 codes"), "\(codebook.stdout)")
        #expect(codebook.stderr.contains("codebook only: 12 sources not read"), "\(codebook.stderr)")
    }

    @Test func maxqdaSourcesBecomeSessions() throws {
        let (_, out, err) = try Self.importSample("maxqda24_paper_themes.qdpx")
        #expect(out.contains("10 sources, 1471 utterances, 307 codes (307 created), 0 codings"), "\(out)")
        #expect(err.contains("<Sets> is not brought across"))
    }

    @Test func nvivoCodingsComeAcrossAndTheWorkspaceExportsValid() throws {
        let (cli, out, err) = try Self.importSample("nvivo12win_oltas0517.qdpx")
        // All 303 codings of the file: NVivo counts UTF-16 units, converted so each selection is one whole line.
        #expect(out.contains("2 sources, 30524 utterances, 152 codes (152 created), 303 codings"), "\(out)")
        #expect(err.contains("UTF-16 units"))
        #expect(!err.contains("spans"))
        let path = cli.folder.appendingPathComponent("back.qdpx").path
        _ = try cli.key("export", "refi", "--all", "-o", path)
        let files = try REFIExportCLITests.unzip(path)
        let qdePath = cli.folder.appendingPathComponent("project.qde").path
        try #require(files["project.qde"]).write(to: URL(fileURLWithPath: qdePath))
        #expect(try InteropValidation.errors(inFile: qdePath, schemaPath: REFIExportCLITests.schema) == [])
    }

    @Test func linesBecomeTurnsAndASelectionOverTwoLinesCodesBothParts() {
        var warnings: [String] = []
        let text = "Anna: Hei 😀 kaikki\r\nno speaker here\r\n"
        let selection = REFIImportSelection(start: 10, end: 22, codeGUIDs: ["G"], line: 7)
        let turns = REFITurnSplitter.split(text, selections: [selection], source: "s", warnings: &warnings)
        #expect(turns.map(\.speaker) == ["Anna", "Source"])
        #expect(turns.map(\.text) == ["Hei 😀 kaikki", "no speaker here"])
        #expect(turns[0].codings == [REFIImportSpan(codeGUID: "G", start: 4, end: 12)])
        #expect(turns[1].codings == [REFIImportSpan(codeGUID: "G", start: 0, end: 2)])
        #expect(warnings.count == 1 && warnings[0].contains("spans 2 turns"))
    }
}

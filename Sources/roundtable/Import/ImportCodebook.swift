import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableXML

struct ImportCodebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Load a codebook: codes missing along each path are created, existing ones keep their codings.",
        discussion: """
            Reads a REFI-QDA codebook (.qdc, from NVivo, ATLAS.ti, MAXQDA, QualCoder or Taguette) or \
            Roundtable's own <codebook>. Codes are found again by GUID, else by path, so loading the same \
            codebook twice changes nothing. Starter codebook: templates/codebooks/customer-satisfaction.xml
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var limits: InputLimitOptions
    @Argument(help: "A .qdc file, or a native codebook (<codebook> in urn:roundtable:xml:1).") var file: String

    func run() throws {
        let database = try workspace.open()
        let entries: [CodebookEntry]
        if try Self.isREFI(file, maxSize: limits.maxSize) {
            let reader = try REFICodebookReader(path: file, maxSize: limits.maxSize)
            entries = try reader.read()
            reader.warnings.forEach(Console.warning)
        } else {
            let reader = try CodebookReader(path: file, maxSize: limits.maxSize)
            entries = try reader.read()
            reader.warningMessages.forEach(Console.warning)
        }
        let counts = try database.importCodes(entries)
        Console.print("codebook \(file): \(counts.created) codes created, \(counts.updated) updated, \(counts.unchanged) unchanged")
    }

    /// Whether the file declares the REFI-QDA codebook namespace near its start (read through
    /// `InputFile`, so the reader that follows still gets a stream's bytes).
    static func isREFI(_ path: String, maxSize: Int64) throws -> Bool {
        let prefix = try InputFile.head(of: path, count: 4096, maxSize: maxSize)
        return String(decoding: prefix, as: UTF8.self).contains(REFICodebookWriter.namespace)
    }
}

import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore

struct CodeBatches: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batches", abstract: "List the batches `code apply --search` made, with how many of their codings are left.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var zone: TimeZoneOption

    func run() throws {
        let batches = try workspace.openForReading().codingBatches()
        switch output.format {
        case .json:
            try JSONOutput.print(batches.map(CodingBatchSummaryJSON.init))
        case .table:
            let viewer = try zone.zone() ?? TimeZone.current
            var table = Table("BATCH", "CODE", "SEARCH", "SCOPE", "CODER", "CREATED", "CODINGS")
            for summary in batches {
                let batch = summary.batch
                table.add("\(batch.id!)", summary.codePath, batch.query, batch.scope, batch.coder,
                          TimeFormat.short(batch.createdAt, viewer), "\(summary.codingsLeft)")
            }
            Console.print(table.render())
        }
    }
}

/// A batch as scripts see it.
struct CodingBatchSummaryJSON: Encodable {
    var batch: Int64
    var code: String
    var query: String
    var scope: String
    var coder: String
    var createdAt: String
    /// The batch's codings still in place (`code unapply` takes them away).
    var codingCount: Int

    init(_ summary: CodingBatchSummary) {
        batch = summary.batch.id!
        code = summary.codePath
        query = summary.batch.query
        scope = summary.batch.scope
        coder = summary.batch.coder
        createdAt = TimeFormat.utc(summary.batch.createdAt)
        codingCount = summary.codingsLeft
    }
}

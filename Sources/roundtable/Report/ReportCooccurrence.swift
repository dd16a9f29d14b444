import ArgumentParser
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct ReportCooccurrence: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cooccurrence",
        abstract: "Which codes were applied to overlapping text in the same transcript turn, most often first.",
        discussion: """
            Two codings of different codes on one turn overlap when their spans share a character; a coding \
            of the whole turn overlaps every other coding on it. A pair's count is how many pairs of codings \
            overlap, and turns is on how many turns that happened. The pair's codes are in path order.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var selection: SessionScopeOptions
    @OptionGroup var output: ReportFormatOptions

    func run() throws {
        let pairs = try workspace.openForReading().codeCooccurrence(try selection.scope())
        switch output.format {
        case .table:
            guard !pairs.isEmpty else { return Console.print("no codes overlap in these sessions") }
            var table = Table("CODE A", "CODE B", "COUNT", "TURNS")
            for pair in pairs { table.add(pair.first, pair.second, String(pair.count), String(pair.turns)) }
            Console.print(table.render())
        case .json:
            try JSONOutput.print(pairs.map(PairJSON.init))
        case .csv:
            let writer = try CSVWriter(destination: OutputFile.standardOutputName)
            try writer.write(["codeA", "codeB", "count", "turns"])
            for pair in pairs { try writer.write([pair.first, pair.second, String(pair.count), String(pair.turns)]) }
            try writer.finish()
        }
    }

    /// A pair as scripts see it.
    struct PairJSON: Encodable {
        var codeA: String
        var codeB: String
        var count: Int
        var utteranceCount: Int

        init(_ pair: CodePairCount) {
            (codeA, codeB, count, utteranceCount) = (pair.first, pair.second, pair.count, pair.turns)
        }
    }
}

import ArgumentParser
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct ReportCodes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes",
        abstract: "How often each code was applied, per participant, session, concept or attribute value.",
        discussion: """
            A cell counts codings (coded segments). By participant, session or attribute it counts the codings \
            of transcript turns, each under the turn's speaker: moderators and observers in the column (others), \
            participants without the attribute under (none). By concept it counts the codings of reaction \
            comments, under the concept reacted to (a turn belongs to no single concept). Codes are rows in \
            codebook order with their ancestors, each counting its own codings (--with-children: its \
            children's too); columns are the cases with a coding; the total row counts every coding once.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var selection: SessionScopeOptions
    @Option(parsing: .upToNextOption, help: ArgumentHelp("The columns: participant, session, concept, or attribute NAME.",
                                                          valueName: "case"))
    var by: [String]
    @Flag(help: "Count the codings of each code's children (and theirs) in its row too.") var withChildren = false
    @OptionGroup var output: ReportFormatOptions

    func validate() throws {
        _ = try dimension()
    }

    /// What `--by` asks for.
    func dimension() throws -> CodeMatrix.Dimension {
        switch (by.first, by.count) {
        case ("participant", 1): return .participant
        case ("session", 1): return .session
        case ("concept", 1): return .concept
        case ("attribute", 2): return .attribute(UnicodeText.composed(by[1]))
        case ("attribute", 1): throw ValidationError("--by attribute needs the attribute's name, such as --by attribute segment")
        default: throw ValidationError("--by takes participant, session, concept, or attribute NAME, not '\(by.joined(separator: " "))'")
        }
    }

    func run() throws {
        let matrix = try workspace.openForReading().codeMatrix(try selection.scope(), by: try dimension(), includeChildren: withChildren)
        switch output.format {
        case .table: Console.print(Self.table(matrix))
        case .json: try JSONOutput.print(CodeMatrixJSON(matrix))
        case .csv:
            let writer = try CSVWriter(destination: OutputFile.standardOutputName)
            try writer.write(["code"] + matrix.cases.map(Self.heading) + ["total"])
            for row in matrix.rows { try writer.write([row.path] + (row.counts + [row.total]).map(String.init)) }
            try writer.write(["total"] + (matrix.caseTotals + [matrix.total]).map(String.init))
            try writer.finish()
        }
    }

    /// `Äijälä Matti (P-000001)`, or the key alone when the label says nothing more or the column
    /// gathers the rest, such as `(none)`.
    static func heading(_ column: CodeMatrix.Case) -> String {
        column.label == column.key || column.key.hasPrefix("(") ? column.key : "\(column.label) (\(column.key))"
    }

    /// What the cells count, as a heading.
    static func counting(_ matrix: CodeMatrix) -> String {
        let what = matrix.unit == .turns ? "Codings of transcript turns" : "Codings of reaction comments"
        let per = switch matrix.dimension {
        case .participant: "participant"
        case .session: "session"
        case .concept: "concept"
        case .attribute(let name): name
        }
        return "\(what) per \(per)" + (matrix.includesChildren ? ", each code with its children" : "")
    }

    /// The matrix with children indented under their parents, then a key to the columns.
    static func table(_ matrix: CodeMatrix) -> String {
        var table = Table()
        table.headers = ["CODE"] + matrix.cases.map(\.key) + ["TOTAL"]
        for row in matrix.rows {
            table.rows.append([String(repeating: "  ", count: row.depth) + row.path.split(separator: Code.pathSeparator).last.map(String.init)!]
                              + (row.counts + [row.total]).map(String.init))
        }
        table.rows.append(["total"] + (matrix.caseTotals + [matrix.total]).map(String.init))
        let named = matrix.cases.filter { $0.label != $0.key }
        let width = named.map(\.key.count).max() ?? 0
        let legend = named.map { $0.key + String(repeating: " ", count: width - $0.key.count) + "  " + $0.label }
        let key = legend.isEmpty ? "" : "\n\n" + legend.joined(separator: "\n")
        return counting(matrix) + "\n\n" + table.render() + key
    }
}

/// The matrix as scripts see it.
struct CodeMatrixJSON: Encodable {
    struct Case: Encodable {
        var key: String
        var label: String
    }

    struct Row: Encodable {
        var code: String
        var depth: Int
        var counts: [Int]
        var total: Int
    }

    var by: String
    /// The attribute's name with `--by attribute NAME`, else null.
    @JSONNullable var attribute: String?
    var counting: String
    var includesChildren: Bool
    var cases: [Case]
    var codes: [Row]
    var caseTotals: [Int]
    var total: Int

    init(_ matrix: CodeMatrix) {
        switch matrix.dimension {
        case .participant: by = "participant"
        case .session: by = "session"
        case .concept: by = "concept"
        case .attribute(let name): (by, attribute) = ("attribute", name)
        }
        counting = matrix.unit == .turns ? "codings of transcript turns" : "codings of reaction comments"
        includesChildren = matrix.includesChildren
        cases = matrix.cases.map { Case(key: $0.key, label: $0.label) }
        codes = matrix.rows.map { Row(code: $0.path, depth: $0.depth, counts: $0.counts, total: $0.total) }
        caseTotals = matrix.caseTotals
        total = matrix.total
    }
}

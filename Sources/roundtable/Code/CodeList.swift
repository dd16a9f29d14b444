import ArgumentParser
import RoundtableCore
import RoundtableStore

struct CodeList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Show the codebook as a tree, with how often each code was applied.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let roots = try workspace.openForReading().codes()
        switch output.format {
        case .json:
            try JSONOutput.print(roots.map(CodeJSON.init))
        case .table:
            var table = Table("CODE", "COLOUR", "CODINGS", "DESCRIPTION")
            for node in roots.preorder {
                let indent = String(repeating: "  ", count: node.depth)
                table.add(indent + node.code.name, node.code.color ?? "", "\(node.codings)",
                          Self.firstLine(node.code.description))
            }
            Console.print(table.render())
        }
    }

    /// The first line of a description, so each code keeps to one table row.
    static func firstLine(_ text: String?) -> String {
        guard let text else { return "" }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }
}

/// A code and the codes under it, as scripts see them.
struct CodeJSON: Encodable {
    var name: String
    var path: String
    @JSONNullable var description: String?
    @JSONNullable var color: String?
    var codingCount: Int
    var children: [CodeJSON]

    init(_ node: CodeNode) {
        name = node.code.name
        path = node.path
        description = node.code.description
        color = node.code.color
        codingCount = node.codings
        children = node.children.map(CodeJSON.init)
    }
}

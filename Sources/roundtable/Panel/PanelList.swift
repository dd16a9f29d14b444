import ArgumentParser
import RoundtableCore
import RoundtableStore

struct PanelList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List panels.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Flag(help: "Include archived panels.") var archived = false

    func run() throws {
        let panels = try workspace.openForReading().panels(includeArchived: archived)
        switch output.format {
        case .json:
            try JSONOutput.print(panels.map { PanelJSON($0.panel, activeMembers: $0.activeMembers) })
        case .table:
            var table = Table("KEY", "NAME", "KIND", "MEMBERS", "STATUS")
            for summary in panels {
                table.add(summary.panel.key, summary.panel.name, summary.panel.kind.rawValue,
                          "\(summary.activeMembers)", summary.panel.isArchived ? "archived" : "open")
            }
            Console.print(table.render())
        }
    }
}

/// A panel as scripts see it.
struct PanelJSON: Encodable {
    var key: String
    var name: String
    var kind: String
    @JSONNullable var description: String?
    var archived: Bool
    var activeMemberCount: Int
    /// Only `panel show` lists them.
    var members: [MemberJSON]?

    init(_ panel: Panel, activeMembers: Int, members: [MemberJSON]? = nil) {
        key = panel.key
        name = panel.name
        kind = panel.kind.rawValue
        description = panel.description
        archived = panel.isArchived
        activeMemberCount = activeMembers
        self.members = members
    }
}

/// A panel member as scripts see it.
struct MemberJSON: Encodable {
    var key: String
    var name: String
    var role: String
    var status: String
    /// `2026-01-15`: a calendar day, not an instant.
    var joined: String
    @JSONNullable var termEnd: String?
}

import ArgumentParser
import RoundtableCore

struct PanelShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a panel and its members.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "Panel key.") var key: String

    func run() throws {
        let details = try workspace.openForReading().panelDetails(key)
        let members = details.members.map { member in
            MemberJSON(key: "\(member.participant.key)", name: member.participant.displayName,
                       role: member.membership.role, status: member.membership.status.rawValue,
                       joined: TimeFormat.day(member.membership.joinedAt, Zone.utc), termEnd: member.membership.termEnd)
        }
        let active = details.members.filter { $0.membership.status == .active }.count
        switch output.format {
        case .json:
            try JSONOutput.print(PanelJSON(details.panel, activeMembers: active, members: members))
        case .table:
            let panel = details.panel
            Console.print("\(panel.key)  \(panel.name)  (\(panel.kind.rawValue)\(panel.isArchived ? ", archived" : ""))")
            if let description = panel.description { Console.print(description) }
            Console.print("\(active) active of \(members.count) members")
            Console.print()
            var table = Table("KEY", "NAME", "ROLE", "STATUS", "JOINED", "TERM END")
            for member in members {
                table.add(member.key, member.name, member.role, member.status, member.joined, member.termEnd ?? "")
            }
            Console.print(table.render())
        }
    }
}

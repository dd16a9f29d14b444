import ArgumentParser

struct PanelAddMember: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-member", abstract: "Add participants to a panel (all or none).")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Panel key.") var key: String
    @Argument(help: "Participant keys.") var participants: [String]
    @Option(help: "Role on the panel.") var role: String = "member"
    @Option(help: ArgumentHelp("Last day of the term (advisory boards).", valueName: "yyyy-mm-dd"))
    var termEnd: String?

    func run() throws {
        let added = try workspace.open().addMembers(
            panel: key, participants: try Keys.participants(participants), role: role, termEnd: termEnd)
        Console.print("added \(added.count) to \(key)")
    }
}

struct PanelRemoveMember: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-member", abstract: "End participants' membership; they stay on record as alumni.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Panel key.") var key: String
    @Argument(help: "Participant keys.") var participants: [String]

    func run() throws {
        let keys = try Keys.participants(participants)
        try workspace.open().removeMembers(panel: key, participants: keys)
        Console.print("removed \(keys.count) from \(key)")
    }
}

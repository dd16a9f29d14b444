import ArgumentParser
import RoundtableCore

struct PanelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel", abstract: "Advisory boards and recruitment pools.",
        subcommands: [PanelCreate.self, PanelList.self, PanelShow.self, PanelArchive.self, PanelAddMember.self,
                      PanelRemoveMember.self])
}

extension PanelKind: ExpressibleByArgument {}

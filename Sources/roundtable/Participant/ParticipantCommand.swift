import ArgumentParser
import RoundtableCore

struct ParticipantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant", abstract: "People, their consent and eligibility.",
        subcommands: [ParticipantAdd.self, ParticipantList.self, ParticipantShow.self, ParticipantEdit.self,
                      ParticipantConsent.self, ParticipantEligible.self, ParticipantForget.self])
}

extension ConsentScope: ExpressibleByArgument {}

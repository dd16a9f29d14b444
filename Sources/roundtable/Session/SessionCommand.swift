import ArgumentParser
import RoundtableCore

struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Schedule and run sessions.",
        subcommands: [SessionSchedule.self, SessionList.self, SessionShow.self, SessionReschedule.self,
                      SessionCancel.self, SessionInvite.self, SessionRSVP.self, SessionAttend.self,
                      SessionComplete.self])
}

extension SessionKind: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}

import ArgumentParser
import RoundtableCore

struct SessionInvite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Invite participants; if one is not eligible, nobody is invited.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var key: String
    @Argument(help: "Participant keys.") var participants: [String]
    @OptionGroup var eligibility: EligibilityOptions

    func run() throws {
        let policy = try eligibility.policy()
        let session = try Keys.session(key)
        let seats = try workspace.open().invite(session, participants: try Keys.participants(participants), policy: policy)
        Console.print("invited \(seats.count) to \(session)")
    }
}

struct SessionRSVP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rsvp", abstract: "Record a participant's answer to an invitation.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var key: String
    @Argument(help: "Participant key.") var participant: String
    @Flag(help: "They will come (refused when the session is full).") var yes = false
    @Flag(help: "They will not come.") var no = false
    @OptionGroup var eligibility: EligibilityOptions

    func validate() throws {
        guard yes != no else { throw ValidationError("give exactly one of --yes or --no") }
    }

    func run() throws {
        let session = try Keys.session(key)
        let person = try Keys.participant(participant)
        let policy = try eligibility.policy()
        let seat = try workspace.open().respond(session, participant: person, accepts: yes, policy: policy)
        Console.print("\(person) \(seat.status.rawValue) for \(session)")
    }
}

struct SessionAttend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attend", abstract: "Record who attended and who did not show.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Session key.") var key: String
    @Argument(help: "Participants who attended.") var participants: [String] = []
    @Option(name: .customLong("no-show"), help: "A participant who did not come, repeatable.") var noShow: [String] = []

    func run() throws {
        let session = try workspace.open().recordAttendance(
            try Keys.session(key), attended: try Keys.participants(participants), noShow: try Keys.participants(noShow))
        Console.print("\(session.key) \(session.status.rawValue): \(participants.count) attended, \(noShow.count) no-show recorded")
    }
}

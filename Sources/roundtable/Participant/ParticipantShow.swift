import ArgumentParser
import RoundtableCore
import RoundtableStore

struct ParticipantShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a participant: details, attributes, consent, panels and sessions.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "Participant key.") var key: String

    func run() throws {
        let details = try workspace.openForReading().participantDetails(try Keys.participant(key))
        let view = ParticipantDetailsJSON(details)
        switch output.format {
        case .json:
            try JSONOutput.print(view)
        case .table:
            printText(view)
        }
    }

    private func printText(_ view: ParticipantDetailsJSON) {
        let person = view.participant
        Console.print("\(person.key)  \(person.name)")
        let flags = person.flags
        var fields = Table("FIELD", "VALUE")
        fields.rows = [["e-mail", person.email ?? "—"], ["phone", person.phone ?? "—"], ["locale", person.locale ?? "—"],
                       ["time zone", person.timeZone ?? "—"], ["flags", flags.isEmpty ? "—" : flags.joined(separator: ", ")]]
        fields.rows += view.attributes.sorted { $0.key < $1.key }.map { ["attr \($0.key)", $0.value] }
        Console.print(fields.render())
        Console.print()
        Console.print("Consent: " + (view.consent.isEmpty ? "none recorded" : view.consent.map {
            "\($0.scope) \($0.given ? "given" : "withdrawn") (v\($0.version), \($0.recorded))"
        }.joined(separator: "; ")))
        Console.print("Panels: " + (view.memberships.isEmpty ? "none" : view.memberships.map {
            "\($0.panel) (\($0.role), \($0.status))"
        }.joined(separator: "; ")))
        if !view.sessions.isEmpty {
            Console.print()
            var table = Table("SESSION", "START", "ZONE", "TITLE", "SEAT")
            for seat in view.sessions { table.add(seat.key, seat.localStart, seat.timeZone, seat.title, seat.seat) }
            Console.print(table.render())
        }
    }
}

/// Everything about one participant, as scripts see it.
struct ParticipantDetailsJSON: Encodable {
    struct ConsentJSON: Encodable { var scope: String; var given: Bool; var version: String; var recorded: String }
    struct MembershipJSON: Encodable { var panel: String; var role: String; var status: String; var termEnd: String? }
    struct SeatJSON: Encodable {
        var key: String; var title: String; var start: String; var localStart: String; var timeZone: String; var seat: String
    }

    var participant: ParticipantJSON
    var attributes: [String: String]
    var consent: [ConsentJSON]
    var memberships: [MembershipJSON]
    var sessions: [SeatJSON]

    init(_ details: ParticipantDetails) {
        participant = ParticipantJSON(details.participant,
                                      panels: details.memberships.filter { $0.membership.status == .active }.map(\.panel))
        attributes = Dictionary(details.attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        consent = details.consents.map {
            ConsentJSON(scope: $0.scope.rawValue, given: $0.given, version: $0.version, recorded: TimeFormat.utc($0.recordedAt))
        }
        memberships = details.memberships.map {
            MembershipJSON(panel: $0.panel, role: $0.membership.role, status: $0.membership.status.rawValue,
                           termEnd: $0.membership.termEnd)
        }
        sessions = details.seats.map {
            SeatJSON(key: "\($0.session.key)", title: $0.session.title, start: TimeFormat.utc($0.session.startsAt),
                     localStart: TimeFormat.short($0.session.startsAt, $0.session.zone), timeZone: $0.session.timeZone,
                     seat: $0.status.rawValue)
        }
    }
}

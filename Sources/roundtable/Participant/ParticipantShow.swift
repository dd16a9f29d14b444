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
            printText(view, details)
        }
    }

    private func printText(_ view: ParticipantDetailsJSON, _ details: ParticipantDetails) {
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
            "\($0.scope) \($0.given ? "given" : "withdrawn") (v\($0.version), \($0.recordedAt))"
        }.joined(separator: "; ")))
        Console.print("Panels: " + (view.memberships.isEmpty ? "none" : view.memberships.map {
            "\($0.panel) (\($0.role), \($0.status))"
        }.joined(separator: "; ")))
        if !view.sessions.isEmpty {
            Console.print()
            var table = Table("SESSION", "START", "ZONE", "TITLE", "SEAT")
            for (seat, row) in zip(details.seats, view.sessions) {
                table.add(row.key, TimeFormat.short(seat.session.startsAt, seat.session.zone), row.timeZone, row.title, row.seat)
            }
            Console.print(table.render())
        }
    }
}

/// Everything about one participant, as scripts see it: the `participant list` fields, then the rest.
struct ParticipantDetailsJSON: Encodable {
    struct ConsentJSON: Encodable { var scope: String; var given: Bool; var version: String; var recordedAt: String }
    struct MembershipJSON: Encodable {
        var panel: String; var role: String; var status: String
        @JSONNullable var termEnd: String?
    }
    struct SeatJSON: Encodable {
        var key: String; var title: String; var status: String; var start: String; var localStart: String; var timeZone: String
        var seat: String
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
            ConsentJSON(scope: $0.scope.rawValue, given: $0.given, version: $0.version, recordedAt: TimeFormat.utc($0.recordedAt))
        }
        memberships = details.memberships.map {
            MembershipJSON(panel: $0.panel, role: $0.membership.role, status: $0.membership.status.rawValue,
                           termEnd: $0.membership.termEnd)
        }
        sessions = details.seats.map {
            let ref = SessionRefJSON($0.session, viewer: nil)
            return SeatJSON(key: ref.key, title: ref.title, status: ref.status, start: ref.start, localStart: ref.localStart,
                            timeZone: ref.timeZone, seat: $0.status.rawValue)
        }
    }

    private enum CodingKeys: String, CodingKey { case attributes, consent, memberships, sessions }

    // The participant's own fields at the top level, as `session show` and `panel show` put theirs.
    func encode(to encoder: any Encoder) throws {
        try participant.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(attributes, forKey: .attributes)
        try container.encode(consent, forKey: .consent)
        try container.encode(memberships, forKey: .memberships)
        try container.encode(sessions, forKey: .sessions)
    }
}

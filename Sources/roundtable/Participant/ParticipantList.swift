import ArgumentParser
import RoundtableCore
import RoundtableStore

struct ParticipantList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List participants.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Option(help: "Only names or e-mails containing this (accents and Unicode form do not matter).")
    var search: String?
    @Option(help: "Only current members of this panel.") var panel: String?
    @Option(parsing: .unconditional, help: "At most this many.") var limit: Int?

    func run() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        let people = try workspace.openForReading().participants(search: search, panel: panel, limit: limit)
        switch output.format {
        case .json:
            try JSONOutput.print(people.map { ParticipantJSON($0.participant, panels: $0.panels) })
        case .table:
            var table = Table("KEY", "NAME", "E-MAIL", "PANELS", "FLAGS")
            for summary in people {
                let person = summary.participant
                table.add("\(person.key)", person.displayName, person.email ?? "", summary.panels.joined(separator: ","),
                          ParticipantJSON(person, panels: summary.panels).flags.joined(separator: ","))
            }
            Console.print(table.render())
        }
    }
}

/// A participant as scripts see it.
struct ParticipantJSON: Encodable {
    var key: String
    var name: String
    @JSONNullable var email: String?
    @JSONNullable var phone: String?
    @JSONNullable var locale: String?
    @JSONNullable var timeZone: String?
    var doNotContact: Bool
    var forgotten: Bool
    var panels: [String]

    init(_ person: Participant, panels: [String]) {
        key = "\(person.key)"
        name = person.displayName
        email = person.email
        phone = person.phone
        locale = person.locale
        timeZone = person.timeZone
        doNotContact = person.doNotContact
        forgotten = person.isErased
        self.panels = panels
    }

    /// `forgotten` or `do-not-contact`, for tables.
    var flags: [String] {
        if forgotten { return ["forgotten"] }
        return doNotContact ? ["do-not-contact"] : []
    }
}

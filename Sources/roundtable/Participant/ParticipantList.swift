import ArgumentParser
import Foundation
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
        let reader = try workspace.openForReading()
        if search != nil { try indexSearchIfBehind(reader) }
        let people = try reader.participants(search: search, panel: panel, limit: limit)
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

    /// Brings the search index up to date when many participants (a roster import's worth) are
    /// not in it yet, if the workspace is writable and no other command is writing. A busy or
    /// read-only workspace is searched without it: those participants are scanned, which gives
    /// the same answer more slowly. Any other failure is the user's to see.
    private func indexSearchIfBehind(_ reader: AppDatabase) throws {
        guard try reader.participantSearchBacklog() >= Self.backlogWorthIndexing,
              FileManager.default.isWritableFile(atPath: workspace.path) else { return }
        do {
            try AppDatabase.open(path: workspace.path, creating: false, busyTimeout: 0).indexParticipantSearch()
        } catch let error as RoundtableError where error.kind == .busy || error.kind == .cannotCreateOutput {
            return
        }
    }

    /// Below this many unindexed participants a scan costs less than indexing them first.
    static let backlogWorthIndexing = 2_000
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

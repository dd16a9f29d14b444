import ArgumentParser
import RoundtableCore
import RoundtableStore

struct ParticipantEligible: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eligible",
        abstract: "Who may be invited, and with --explain which rule excluded everyone else.",
        discussion: """
            Rules: forgotten, do-not-contact, no contact consent (never given or withdrawn), cool-down (another
            focus group confirmed or attended within --cooldown of the session), clash (seated in an overlapping
            session), already seated in the session.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Option(help: "Only current members of this panel (default: the session's panel, if any).") var panel: String?
    @Option(help: "Judge for this session's time.") var forSession: String?
    @OptionGroup var eligibility: EligibilityOptions
    @Flag(help: "Also list everyone excluded, with the rule that excluded them.") var explain = false

    func run() throws {
        let policy = try eligibility.policy()
        let verdicts = try workspace.openForReading().eligibility(panel: panel, session: try forSession.map(Keys.session),
                                                        policy: policy)
        let shown = explain ? verdicts : verdicts.filter(\.isEligible)
        switch output.format {
        case .json:
            try JSONOutput.print(shown.map(VerdictJSON.init))
        case .table:
            var table = explain ? Table("KEY", "NAME", "ELIGIBLE", "EXCLUDED BY") : Table("KEY", "NAME", "E-MAIL")
            for verdict in shown {
                let person = verdict.participant
                if explain {
                    table.add("\(person.key)", person.displayName, verdict.isEligible ? "yes" : "no",
                              verdict.reasons.map(\.description).joined(separator: "; "))
                } else {
                    table.add("\(person.key)", person.displayName, person.email ?? "")
                }
            }
            Console.print(table.render())
            let eligible = verdicts.filter(\.isEligible).count
            Console.print("\n\(eligible) eligible, \(verdicts.count - eligible) excluded"
                          + (explain || eligible == verdicts.count ? "" : " (add --explain to see why)"))
        }
    }
}

/// One person's eligibility as scripts see it.
struct VerdictJSON: Encodable {
    struct Reason: Encodable { var rule: String; var detail: String }
    var key: String
    var name: String
    var eligible: Bool
    var reasons: [Reason]

    init(_ verdict: EligibilityVerdict) {
        key = "\(verdict.participant.key)"
        name = verdict.participant.displayName
        eligible = verdict.isEligible
        reasons = verdict.reasons.map { Reason(rule: $0.rule, detail: $0.description) }
    }
}

import Foundation
import GRDB
import Testing

@Suite("import roster keeps the rules: consent times, the partner, possible duplicates")
struct RosterRulesCLITests {
    static func consent(_ given: Bool, _ at: String, scope: String = "contact") -> String {
        #"<consent scope="\#(scope)" version="1" given="\#(given)" at="\#(at)"/>"#
    }

    @Test func aConsentDatedInTheFutureIsARowErrorWithItsLine() throws {
        let cli = try CLI()
        let file = try Roster.write(Roster.xml([
            Roster.row("R-1", "Aino", Self.consent(true, "2026-01-05T10:00:00Z")),
            Roster.row("R-2", "Bo", Self.consent(true, "2099-01-01T00:00:00Z")),
        ]), "r.xml", in: cli)
        let result = try cli.run("import", "roster", file, "--partner", "acme")
        #expect(result.status == 65)
        #expect(result.stderr == """
            error: r.xml:4: contact consent (version 1) is dated 2099-01-01T00:00:00.000Z, after now (2026-12-01T09:00:00.000Z)
            error: 1 rejected row; nothing imported (fix them, or give --skip-invalid)

            """)
        #expect(try WorkspaceState(cli).rows.participants == 0)
    }

    @Test func theDecisionMadeLastIsInForceWhateverTheFileOrder() throws {
        let cli = try CLI()
        let file = try Roster.write(Roster.xml([
            Roster.row("R-1", "Aino", Self.consent(true, "2026-03-01T10:00:00Z") + Self.consent(false, "2025-03-01T10:00:00Z")),
            Roster.row("R-2", "Bo", Self.consent(false, "2026-03-01T10:00:00Z") + Self.consent(true, "2025-03-01T10:00:00Z")),
        ]), "r.xml", in: cli)
        #expect(try cli.key("import", "roster", file, "--partner", "acme").contains("2 new"))
        for (key, given) in [("P-000001", true), ("P-000002", false)] {
            let shown = try JSONSerialization.jsonObject(with: Data(cli.key("participant", "show", key, "--format", "json").utf8))
            let consents = try #require((shown as? [String: Any])?["consent"] as? [[String: Any]])
            #expect(consents.map { $0["given"] as? Bool } == [given], "\(key)")
        }
        let eligible = try cli.key("participant", "eligible", "--format", "json")
        #expect(eligible.contains("P-000001") && !eligible.contains("P-000002"), "only Aino may be invited: \(eligible)")
    }

    @Test(arguments: [[], ["--skip-invalid"], ["--dry-run"]])
    func aFileFromAnotherPartnerIsRefusedWhole(extra: [String]) throws {
        let cli = try CLI()
        let file = try Roster.write(Roster.xml([Roster.row("R-1", "Aino")]).replacingOccurrences(of: #"partner="acme""#,
                                                                                                    with: #"partner="other""#),
                                    "r.xml", in: cli)
        // Read commands never create a workspace, so there must be one to compare against.
        _ = try cli.key("participant", "add", "--name", "Bo Ek")
        let before = try WorkspaceState(cli)
        let result = try cli.start(["import", "roster", file, "--partner", "acme"] + extra).finish()
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("error: r.xml:2:"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix(": the roster is from partner 'other', not 'acme'\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try WorkspaceState(cli) == before)
        let same = try cli.run("import", "roster", file, "--partner", "other", "--dry-run")
        #expect(same.status == 0, "the partner it names may import it: \(same.stderr)")
    }

    @Test func aNewPersonWithAKnownEmailIsReportedAsAPossibleDuplicate() throws {
        let cli = try CLI()
        _ = try cli.key("participant", "add", "--name", "Aino Virtanen", "--email", "Aino.Virtanen@Example.fi")
        let file = try Roster.write(Roster.xml([
            Roster.row("R-1", "Bo", "<email>bo@example.fi</email>"),
            Roster.row("R-2", "Aino Virtanen", "<email>aino.virtanen@EXAMPLE.FI</email>"),
        ]), "r.xml", in: cli)
        let dry = try cli.run("import", "roster", file, "--partner", "acme", "--dry-run")
        #expect(dry.status == 0)
        #expect(dry.stderr == "warning: r.xml:4: possible duplicate of P-000001 (Aino Virtanen): same e-mail; "
            + "would be imported as a new participant\n")
        #expect(dry.stdout == "dry run, nothing written: would import 2 new, 0 updated, 0 unchanged, 0 rejected, 1 possible duplicate\n")

        let result = try cli.run("import", "roster", file, "--partner", "acme")
        #expect(result.status == 0)
        #expect(result.stderr == "warning: r.xml:4: possible duplicate of P-000001 (Aino Virtanen): same e-mail; imported as P-000003\n")
        #expect(result.stdout == "imported batch 1 from acme: 2 new, 0 updated, 0 unchanged, 0 rejected, 1 possible duplicate\n")
        #expect(try WorkspaceState(cli).rows.participants == 3)
    }

    @Test func aPersonWithManyAttributesImports() throws {
        let cli = try CLI()
        let attributes = (0..<20_000).map { #"<attribute name="a\#($0)">v</attribute>"# }.joined(separator: "\n")
        let file = try Roster.write(Roster.xml([Roster.row("R-1", "Many", attributes)]), "r.xml", in: cli)
        #expect(try cli.key("import", "roster", file, "--partner", "acme").contains("1 new"))
        #expect(try WorkspaceState(cli).rows.attributes == 20_000)
    }
}

import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("A roster's consents, e-mails and attributes are held to the rules")
struct RosterRulesStoreTests {
    static func importRows(_ workspace: Workspace, _ entries: [RosterEntry], partner: String = "acme",
                           dryRun: Bool = false) throws -> RosterImportReport {
        try workspace.db.importRoster(RosterImportOptions(partner: partner, fileName: "r.xml", dryRun: dryRun),
                                      sha256: { String(repeating: "0", count: 64) }) { deliver in
            for entry in entries { try deliver(.entry(entry)) }
        }
    }

    static func consent(_ given: Bool, _ at: String, scope: ConsentScope = .contact) -> ConsentRecord {
        ConsentRecord(scope: scope, version: "v1", given: given, at: Workspace.instant(at))
    }

    @Test func aConsentDatedAfterNowIsARowErrorAndNothingIsImported() throws {
        let workspace = try Workspace()
        let report = try Self.importRows(workspace, [
            RosterEntry(externalId: "A-1", name: "Aino", consents: [Self.consent(true, "2026-01-05T10:00:00Z")], line: 3),
            RosterEntry(externalId: "A-2", name: "Bo", consents: [Self.consent(true, "2099-01-01T00:00:00Z")], line: 4),
        ])
        #expect(!report.committed)
        #expect(report.rejected == [RejectedRow(line: 4, message:
            "contact consent (version v1) is dated 2099-01-01T00:00:00.000Z, after now (2026-12-01T09:00:00.000Z)")])
        #expect(try workspace.db.participants(search: nil, panel: nil, limit: nil).isEmpty)
    }

    /// Each scope's decision in force is the one made last, in whatever order the file lists them;
    /// so is the one a later roster brings for someone already on record.
    @Test func theLatestDecisionByItsTimeIsInForceWhateverTheFileOrder() throws {
        let workspace = try Workspace()
        let report = try Self.importRows(workspace, [
            RosterEntry(externalId: "A-1", name: "Aino", consents: [
                Self.consent(true, "2026-03-01T10:00:00Z"), Self.consent(false, "2025-06-01T10:00:00Z"),
                Self.consent(false, "2026-02-01T10:00:00Z", scope: .quotes), Self.consent(true, "2025-02-01T10:00:00Z", scope: .quotes),
            ], line: 3),
        ])
        #expect(report.committed && report.new == 1)
        let aino = EntityKey(.participant, id: 1)
        var inForce = try workspace.db.participantDetails(aino).consents.map { "\($0.scope.rawValue) \($0.given)" }
        #expect(inForce == ["contact true", "quotes false"])
        let verdict = try #require(try workspace.db.eligibility(panel: nil, session: nil, policy: EligibilityPolicy()).first)
        #expect(verdict.reasons.isEmpty, "the contact consent given in 2026 counts: \(verdict.reasons)")

        // A second file brings an older withdrawal: it is kept on record, and does not win.
        let again = try Self.importRows(workspace, [
            RosterEntry(externalId: "A-1", name: "Aino", consents: [Self.consent(false, "2026-01-01T10:00:00Z")], line: 3),
        ])
        #expect(again.updated == 1)
        inForce = try workspace.db.participantDetails(aino).consents.map { "\($0.scope.rawValue) \($0.given)" }
        #expect(inForce == ["contact true", "quotes false"])
        try workspace.db.writer.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consent") == 5)
            #expect(try RoundtableStore.AppDatabase.unquotableSpeakers(db, [1]) == [1])
        }
    }

    @Test func aNewPersonWithAnExistingParticipantsEmailIsImportedAndReported() throws {
        let workspace = try Workspace()
        let aino = try workspace.participant("Aino Virtanen", email: "Aino.Virtanen@Example.FI")
        try workspace.participant("Forgotten", email: "bo@example.fi")
        _ = try workspace.db.forgetParticipant(EntityKey(.participant, id: 2))
        let rows = [
            RosterEntry(externalId: "A-1", name: "Aino Virtanen", email: "aino.virtanen@example.fi", line: 3),
            RosterEntry(externalId: "A-2", name: "Bo", email: "bo@example.fi", line: 4),
            RosterEntry(externalId: "A-3", name: "Cy", line: 5),
        ]
        for dryRun in [true, false] {
            let report = try Self.importRows(workspace, rows, dryRun: dryRun)
            #expect(report.new == 3 && report.committed == !dryRun)
            #expect(report.possibleDuplicates.map { "\($0.line) \($0.existing) \($0.existingName)" } == ["3 P-000001 Aino Virtanen"],
                    "a forgotten person's address is gone, and no one matches a row without one")
            #expect(report.possibleDuplicates.first?.participant == EntityKey(.participant, id: 3))
        }
        #expect(try workspace.db.participants(search: nil, panel: nil, limit: nil).count == 5, "the possible duplicate is imported all the same")
        _ = aino
    }

    @Test func aPersonWithAHundredThousandAttributesImportsWhole() throws {
        let workspace = try Workspace()
        let attributes = (0..<100_000).map { NamedValue(name: "a\($0)", value: "v\($0)") }
        let report = try Self.importRows(workspace, [RosterEntry(externalId: "A-1", name: "Many", attributes: attributes, line: 3)
            .validated()])
        #expect(report.new == 1)
        try workspace.db.writer.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participantAttribute") == 100_000)
        }
        let repeated = RosterItem.entry(RosterEntry(externalId: "A-2", name: "Twice",
                                                    attributes: attributes + [NamedValue(name: "a99999", value: "again")], line: 4))
        guard case .rejected(let line, let message) = repeated.validated() else { Issue.record("a repeated name passed"); return }
        #expect(line == 4 && message == "attribute 'a99999' is given twice")
    }

    @Test(arguments: [3, 16, 17, 40])
    func theFirstRepeatedAttributeNameIsFoundInShortAndLongLists(count: Int) {
        var attributes = (0..<count).map { NamedValue(name: "n\($0)", value: "") }
        #expect(RosterEntry.firstRepeatedName(attributes) == nil)
        attributes.insert(NamedValue(name: "n1", value: "x"), at: count - 1)
        attributes.append(NamedValue(name: "n0", value: "y"))
        #expect(RosterEntry.firstRepeatedName(attributes) == "n1")
    }
}

import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// Participants added, edited, consented and found by name in any Unicode form.
@Suite("Store: participants")
struct ParticipantsStoreTests {
    @Test("a participant is stored composed, with attributes, and read back")
    func addsParticipant() throws {
        let ws = try Workspace()
        let added = try ws.db.addParticipant(NewParticipant(
            name: " A\u{308}ija\u{308}la\u{308} Maija ", email: "maija@example.fi", phone: "+358 40 123 4567",
            locale: "fi-FI", timeZone: "Europe/Helsinki", attributes: [("segment", "SMB"), ("city", "Jyva\u{308}skyla\u{308}")]))
        #expect(added.key.description == "P-000001")
        let details = try ws.db.participantDetails(added.key)
        #expect(details.participant.displayName == "Äijälä Maija")
        #expect(details.participant.nameSearch == "aijala maija")
        #expect(details.participant.email == "maija@example.fi")
        #expect(details.participant.phone == "+358 40 123 4567")
        #expect(details.participant.timeZone == "Europe/Helsinki")
        #expect(details.participant.createdAt == Workspace.start)
        #expect(details.attributes.map(\.name) == ["city", "segment"])
        #expect(details.attributes.map(\.value) == ["Jyväskylä", "SMB"])
        #expect(details.consents.isEmpty)
    }

    @Test("bad participant input is a usage error and nothing is written")
    func badInput() throws {
        let ws = try Workspace()
        expectRoundtableError(.usage) { try ws.db.addParticipant(NewParticipant(name: "   ")) }
        expectRoundtableError(.usage) { try ws.db.addParticipant(NewParticipant(name: "Anna", email: "anna@")) }
        expectRoundtableError(.usage) { try ws.db.addParticipant(NewParticipant(name: "Anna", phone: "abc")) }
        expectRoundtableError(.usage) { try ws.db.addParticipant(NewParticipant(name: "Anna", timeZone: "EET")) }
        #expect(try ws.db.participants(search: nil, panel: nil, limit: nil).isEmpty)
        expectRoundtableError(.invalidData) { try ws.db.participantDetails(EntityKey(.participant, id: 1)) }
    }

    @Test("the latest consent per scope is the one in force")
    func latestConsent() throws {
        let ws = try Workspace()
        let person = try ws.participant("Åsa", consent: true)
        _ = try ws.db.recordConsent(person.key, scope: .recording, given: true, version: "2026-01")
        _ = try ws.db.recordConsent(person.key, scope: .contact, given: false, version: "2026-02")
        let consents = try ws.db.participantDetails(person.key).consents
        #expect(consents.map(\.scope) == [.contact, .recording])
        #expect(consents.map(\.given) == [false, true])
        #expect(consents[0].version == "2026-02")
    }

    @Test("edits rename, change contact data and attributes")
    func edits() throws {
        let ws = try Workspace()
        let person = try ws.participant("Asa", email: "asa@example.se", attributes: [("segment", "SMB")])
        var changes = ParticipantChanges()
        changes.name = "A\u{30A}sa"
        changes.email = ""
        changes.setAttributes = [("city", "Umeå")]
        changes.removeAttributes = ["segment"]
        let edited = try ws.db.editParticipant(person.key, changes)
        #expect(edited.displayName == "Åsa")
        #expect(edited.email == nil)
        #expect(try ws.db.participantDetails(person.key).attributes.map(\.name) == ["city"])
        var missing = ParticipantChanges()
        missing.removeAttributes = ["segment"]
        expectRoundtableError(.invalidData) { try ws.db.editParticipant(person.key, missing) }
        expectRoundtableError(.usage) { try ws.db.editParticipant(person.key, ParticipantChanges()) }
    }

    @Test("a name is found whether searched composed, decomposed or without marks",
          arguments: ["Äijälä", "A\u{308}ija\u{308}la\u{308}", "aijala", "AIJALA", "äijä", "  aijala  "])
    func searchFindsNordicName(query: String) throws {
        let ws = try Workspace()
        try ws.participant("Virtanen")
        try ws.participant("A\u{308}ija\u{308}la\u{308}")
        try ws.participant("Øystein Ålesund")
        let found = try ws.db.participants(search: query, panel: nil, limit: nil)
        #expect(found.map(\.participant.key.description) == ["P-000002"])
        #expect(found.first?.participant.displayName == "Äijälä")
    }

    @Test("search folds Nordic letters, matches e-mail, and takes % and _ literally")
    func searchDetails() throws {
        let ws = try Workspace()
        try ws.participant("Øystein Ålesund", email: "OYSTEIN@example.no")
        try ws.participant("Bjørn Dæhlie", email: "bjorn_d@example.no")
        try ws.panel("nordic-pool")
        try ws.participant("Anna Virtanen", panel: "nordic-pool")
        func names(_ search: String?, panel: String? = nil, limit: Int? = nil) throws -> [String] {
            try ws.db.participants(search: search, panel: panel, limit: limit).map(\.participant.displayName)
        }
        #expect(try names("oystein alesund") == ["Øystein Ålesund"])
        #expect(try names("daehlie") == ["Bjørn Dæhlie"])
        #expect(try names("oystein@") == ["Øystein Ålesund"])
        #expect(try names("n_d@") == ["Bjørn Dæhlie"])
        #expect(try names("%").isEmpty)
        #expect(try names("_") == ["Bjørn Dæhlie"])
        #expect(try names(nil).count == 3)
        #expect(try names(nil, limit: 2).count == 2)
        #expect(try names(nil, panel: "nordic-pool") == ["Anna Virtanen"])
        #expect(try ws.db.participants(search: nil, panel: "nordic-pool", limit: nil).first?.panels == ["nordic-pool"])
    }
}

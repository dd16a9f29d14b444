import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// Moderators, panels and memberships written and read back.
@Suite("Store: moderators and panels")
struct ModeratorsAndPanelsStoreTests {
    @Test("moderators are added with keys and read back in order")
    func addsModerators() throws {
        let ws = try Workspace()
        let asa = try ws.db.addModerator(name: "A\u{30A}sa Lindqvist", email: " asa@example.se ", timeZone: "Europe/Stockholm")
        let oy = try ws.db.addModerator(name: "Øystein Berg", email: "oystein@example.no", timeZone: "Europe/Oslo")
        #expect(asa.key.description == "M-0001")
        #expect(oy.key.description == "M-0002")
        let all = try ws.db.moderators()
        #expect(all.map(\.name) == ["Åsa Lindqvist", "Øystein Berg"])
        #expect(all.map(\.email) == ["asa@example.se", "oystein@example.no"])
        #expect(all.map(\.timeZone) == ["Europe/Stockholm", "Europe/Oslo"])
        #expect(all[0].createdAt == Workspace.start)
        #expect(try ws.db.moderator(EntityKey(.moderator, id: 2)).name == "Øystein Berg")
        expectRoundtableError(.invalidData) { try ws.db.moderator(EntityKey(.moderator, id: 3)) }
    }

    @Test("a second moderator with the same e-mail is refused, whatever its case")
    func duplicateModeratorEmail() throws {
        let ws = try Workspace()
        _ = try ws.db.addModerator(name: "Åsa", email: "asa@example.se", timeZone: "Europe/Stockholm")
        let error = expectRoundtableError(.invalidData) {
            try ws.db.addModerator(name: "Åsa L.", email: "ASA@Example.se", timeZone: "Europe/Stockholm")
        }
        #expect(error?.message.contains("M-0001") == true)
        #expect(error?.message.contains("already has e-mail") == true)
        #expect(try ws.db.moderators().count == 1)
    }

    @Test("bad moderator input is a usage error")
    func badModeratorInput() throws {
        let ws = try Workspace()
        expectRoundtableError(.usage) { try ws.db.addModerator(name: "  ", email: "a@example.fi", timeZone: "Europe/Helsinki") }
        expectRoundtableError(.usage) { try ws.db.addModerator(name: "Anna", email: "anna", timeZone: "Europe/Helsinki") }
        expectRoundtableError(.usage) { try ws.db.addModerator(name: "Anna", email: "a@example.fi", timeZone: "EET") }
        #expect(try ws.db.moderators().isEmpty)
    }

    @Test("panels are created, listed with head counts, and a duplicate key is refused")
    func createsPanels() throws {
        let ws = try Workspace()
        let cab = try ws.db.createPanel(key: "nordic-cab", name: "Nordic CAB", kind: .advisoryBoard, description: "Board")
        try ws.panel("nordic-pool")
        try ws.participant("Äijälä", panel: "nordic-cab")
        #expect(cab.id != nil)
        let error = expectRoundtableError(.invalidData) {
            try ws.db.createPanel(key: "nordic-cab", name: "Again", kind: .pool, description: nil)
        }
        #expect(error?.message == "panel nordic-cab already exists")
        expectRoundtableError(.usage) { try ws.db.createPanel(key: "Nordic CAB", name: "x", kind: .pool, description: nil) }
        let panels = try ws.db.panels(includeArchived: false)
        #expect(panels.map(\.panel.key) == ["nordic-cab", "nordic-pool"])
        #expect(panels.map(\.activeMembers) == [1, 0])
        #expect(panels[0].panel.kind == .advisoryBoard)
        #expect(panels[0].panel.description == "Board")
    }

    @Test("an archived panel is hidden and takes no members or sessions")
    func archivedPanel() throws {
        let ws = try Workspace()
        try ws.panel("nordic-pool")
        let moderator = try ws.moderator()
        let person = try ws.participant("Åsa")
        let archived = try ws.db.archivePanel("nordic-pool")
        #expect(archived.archivedAt == Workspace.start)
        #expect(try ws.db.panels(includeArchived: false).isEmpty)
        #expect(try ws.db.panels(includeArchived: true).map(\.panel.key) == ["nordic-pool"])
        let members = expectRoundtableError(.invalidData) {
            try ws.db.addMembers(panel: "nordic-pool", participants: [person.key], role: "member", termEnd: nil)
        }
        #expect(members?.message.contains("archived") == true)
        let sessions = expectRoundtableError(.invalidData) {
            try ws.session(moderators: [moderator], panel: "nordic-pool")
        }
        #expect(sessions?.message.contains("archived and takes no new sessions") == true)
        #expect(try ws.db.sessions(SessionFilter()).isEmpty)
        expectRoundtableError(.invalidData) { try ws.db.archivePanel("nordic-pool") }
    }

    @Test("members join once, leave as alumni and can come back")
    func memberships() throws {
        let ws = try Workspace()
        try ws.panel("nordic-pool")
        let person = try ws.participant("Åsa", panel: "nordic-pool")
        let again = expectRoundtableError(.invalidData) {
            try ws.db.addMembers(panel: "nordic-pool", participants: [person.key], role: "member", termEnd: nil)
        }
        #expect(again?.message.contains("already active") == true)
        try ws.db.removeMembers(panel: "nordic-pool", participants: [person.key])
        #expect(try ws.db.panelDetails("nordic-pool").members.map(\.membership.status) == [.alumni])
        _ = try ws.db.addMembers(panel: "nordic-pool", participants: [person.key], role: "chair", termEnd: "2027-12-31")
        let member = try #require(try ws.db.panelDetails("nordic-pool").members.first)
        #expect(member.membership.status == .active)
        #expect(member.membership.role == "chair")
        #expect(member.membership.termEnd == "2027-12-31")
        expectRoundtableError(.invalidData) {
            try ws.db.addMembers(panel: "nordic-pool", participants: [EntityKey(.participant, id: 99)], role: "x", termEnd: nil)
        }
        expectRoundtableError(.invalidData) { try ws.db.addMembers(panel: "nope", participants: [], role: "x", termEnd: nil) }
    }
}

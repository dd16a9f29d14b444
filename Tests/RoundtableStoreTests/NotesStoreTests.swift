import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("Store: notes")
struct NotesStoreTests {
    let ws: Workspace
    let sessions: [Session]

    init() throws {
        ws = try Workspace()
        let moderator = try ws.moderator()
        sessions = [
            try ws.session("Morning", start: "2027-03-01 10:00", moderators: [moderator]),
            try ws.session("Evening", start: "2027-03-01 18:00", moderators: [moderator]),
        ]
    }

    @Test("notes are added with their author, time and kind, and listed per session or all")
    func addAndList() throws {
        let observation = try ws.db.addNote(session: sessions[0].key, at: 725_000, kind: .observation,
                                            text: "A\u{308}ija\u{308}la\u{308} hesitated at the price")
        let quote = try ws.db.addNote(session: sessions[0].key, at: nil, kind: .quote, text: "Fast is everything")
        let action = try ws.db.addNote(session: sessions[1].key, at: nil, kind: .action, text: "Send the follow-up survey")
        #expect([observation, quote, action].map(\.key.description) == ["N-0001", "N-0002", "N-0003"])
        #expect(observation.text == "Äijälä hesitated at the price")
        #expect(observation.atMs == 725_000 && observation.author == "test" && observation.createdAt == Workspace.start)
        #expect(try ws.db.notes(session: nil, openOnly: false).map(\.id) == [1, 2, 3])
        #expect(try ws.db.notes(session: sessions[0].key, openOnly: false).map(\.kind) == [.observation, .quote])
        #expect(try ws.db.notes(session: sessions[1].key, openOnly: false) == [action])
        #expect(try ws.auditActions().suffix(3) == ["note.add", "note.add", "note.add"])
    }

    @Test("an action is open until closed, and closes once")
    func closeActions() throws {
        let action = try ws.db.addNote(session: sessions[0].key, at: nil, kind: .action, text: "Book a bigger room")
        _ = try ws.db.addNote(session: sessions[0].key, at: nil, kind: .observation, text: "Room too small")
        #expect(try ws.db.notes(session: nil, openOnly: true) == [action])
        ws.clock.set(Workspace.instant("2026-12-02T08:00:00Z"))
        let closed = try ws.db.closeNote(action.key)
        #expect(closed.closedAt == Workspace.instant("2026-12-02T08:00:00Z"))
        #expect(!closed.isOpenAction)
        #expect(try ws.db.notes(session: nil, openOnly: true).isEmpty)
        #expect(try ws.db.notes(session: sessions[0].key, openOnly: false).count == 2)
        let again = expectRoundtableError(.invalidData) { try ws.db.closeNote(action.key) }
        #expect(again?.message == "N-0001 was already closed on 2026-12-02T08:00:00Z")
        #expect(try ws.auditActions().last == "note.close")
    }

    @Test("only actions close; unknown notes and sessions are named")
    func refusals() throws {
        let observation = try ws.db.addNote(session: sessions[0].key, at: nil, kind: .observation, text: "Quiet group")
        let quote = try ws.db.addNote(session: sessions[0].key, at: nil, kind: .quote, text: "Nice")
        #expect(expectRoundtableError(.invalidData) { try ws.db.closeNote(observation.key) }?.message
            == "N-0001 is an observation; only actions can be closed")
        #expect(expectRoundtableError(.invalidData) { try ws.db.closeNote(quote.key) }?.message
            == "N-0002 is a quote; only actions can be closed")
        #expect(expectRoundtableError(.invalidData) { try ws.db.closeNote(EntityKey(.note, id: 9)) }?.message
            == "no note N-0009 in this workspace")
        expectRoundtableError(.invalidData) {
            try ws.db.addNote(session: EntityKey(.session, id: 9), at: nil, kind: .observation, text: "x")
        }
        expectRoundtableError(.invalidData) { try ws.db.notes(session: EntityKey(.session, id: 9), openOnly: false) }
        expectRoundtableError(.usage) { try ws.db.addNote(session: sessions[0].key, at: nil, kind: .quote, text: " \n ") }
        expectRoundtableError(.usage) { try ws.db.addNote(session: sessions[0].key, at: nil, kind: .quote, text: "bell\u{7}") }
        #expect(try ws.db.notes(session: nil, openOnly: false).count == 2)
    }
}

import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// Replies to invitations: capacity + reserve is never exceeded, and people may change their mind.
@Suite("Store: respond (rsvp)")
struct RespondTests {
    /// S-0001 with capacity 2 and reserve 1, and `count` invited people.
    static func setup(count: Int) throws -> (Workspace, Session, [Participant]) {
        let ws = try Workspace()
        let moderator = try ws.moderator()
        let session = try ws.session(start: "2027-03-28 10:00", moderators: [moderator], capacity: 2, reserve: 1)
        let people = try (1...count).map { try ws.participant("Person \($0)") }
        try ws.invite(session, people)
        return (ws, session, people)
    }

    @Test("the (limit+1)th yes is refused; capacity + reserve is the limit")
    func capacityPlusReserve() throws {
        let (ws, session, people) = try Self.setup(count: 4)
        for person in people.prefix(3) {
            #expect(try ws.db.respond(session.key, participant: person.key, accepts: true).status == .confirmed)
        }
        let error = expectRoundtableError(.invalidData) {
            try ws.db.respond(session.key, participant: people[3].key, accepts: true)
        }
        #expect(error?.message.contains("S-0001 is full: 3 confirmed of 2 seats + 1 reserve") == true)
        #expect(try ws.seatStatus(session, people[3]) == .invited)
        #expect(try ws.db.sessionDetails(session.key).takenSeats == 3)
    }

    @Test("a decline frees a place for someone else")
    func declineFreesPlace() throws {
        let (ws, session, people) = try Self.setup(count: 4)
        for person in people.prefix(3) { _ = try ws.db.respond(session.key, participant: person.key, accepts: true) }
        _ = try ws.db.respond(session.key, participant: people[0].key, accepts: false)
        #expect(try ws.db.respond(session.key, participant: people[3].key, accepts: true).status == .confirmed)
        #expect(try ws.db.sessionDetails(session.key).seatCounts == [.confirmed: 3, .declined: 1])
        expectRoundtableError(.invalidData) { try ws.db.respond(session.key, participant: people[0].key, accepts: true) }
    }

    @Test("decline, then confirm again")
    func changeOfMind() throws {
        let (ws, session, people) = try Self.setup(count: 1)
        let person = people[0]
        #expect(try ws.db.respond(session.key, participant: person.key, accepts: false).status == .declined)
        ws.clock.set(Workspace.instant("2026-12-02T09:00:00Z"))
        let seat = try ws.db.respond(session.key, participant: person.key, accepts: true)
        #expect(seat.status == .confirmed)
        #expect(seat.updatedAt == Workspace.instant("2026-12-02T09:00:00Z"))
        #expect(seat.invitedAt == Workspace.start)
        #expect(try ws.seatStatus(session, person) == .confirmed)
        #expect(try ws.auditActions().filter { $0 == "session.rsvp" }.count == 2)
    }

    @Test("replies from people who were not invited, or to closed sessions, are refused")
    func refusedReplies() throws {
        let (ws, session, people) = try Self.setup(count: 1)
        let stranger = try ws.participant("Stranger")
        let notInvited = expectRoundtableError(.invalidData) {
            try ws.db.respond(session.key, participant: stranger.key, accepts: true)
        }
        #expect(notInvited?.message == "P-000002 was not invited to S-0001")
        expectRoundtableError(.invalidData) {
            try ws.db.respond(session.key, participant: EntityKey(.participant, id: 99), accepts: true)
        }
        _ = try ws.db.cancelSession(session.key, reason: "moved online")
        let closed = expectRoundtableError(.invalidData) {
            try ws.db.respond(session.key, participant: people[0].key, accepts: true)
        }
        #expect(closed?.message == "cannot take replies for S-0001: it is cancelled")
    }

    @Test("a forgotten person cannot confirm")
    func forgottenCannotConfirm() throws {
        let (ws, session, people) = try Self.setup(count: 1)
        _ = try ws.db.forgetParticipant(people[0].key)
        let error = expectRoundtableError(.invalidData) {
            try ws.db.respond(session.key, participant: people[0].key, accepts: true)
        }
        #expect(error?.message.contains("forgotten") == true)
    }

    // AppDatabase+Seats.swift respond(): a yes only checks the seat move, erasure and capacity.
    // A declined seat holds no time, so the person can be invited to an overlapping session;
    // confirming the first again then double-books them.
    @Test("confirming again after a decline is refused if it now clashes")
    func reconfirmChecksClash() throws {
        let (ws, session, people) = try Self.setup(count: 1)
        let person = people[0]
        _ = try ws.db.respond(session.key, participant: person.key, accepts: false)
        let overlapping = try ws.session("Interview", kind: .interview, start: "2027-03-28 10:30",
                                         moderators: [ws.moderator()])
        try ws.invite(overlapping, [person])
        let error = expectRoundtableError(.invalidData) {
            try ws.db.respond(session.key, participant: person.key, accepts: true)
        }
        #expect(error?.message.contains("S-0002") == true)
        #expect(try ws.seatStatus(session, person) == .declined)
    }
}

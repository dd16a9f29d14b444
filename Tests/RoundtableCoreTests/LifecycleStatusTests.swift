import Foundation
import Testing
@testable import RoundtableCore

/// Session and seat lifecycles: which moves are allowed.
@Suite("SessionStatus and SeatStatus lifecycles")
struct LifecycleStatusTests {
    static let sessionMoves: Set<[SessionStatus]> = [
        [.draft, .scheduled], [.scheduled, .inProgress], [.inProgress, .completed], [.scheduled, .completed],
        [.draft, .cancelled], [.scheduled, .cancelled], [.inProgress, .cancelled],
    ]

    @Test("sessions move forward only", arguments: SessionStatus.allCases, SessionStatus.allCases)
    func sessionMoves(from: SessionStatus, to: SessionStatus) {
        #expect(from.canMove(to: to) == Self.sessionMoves.contains([from, to]))
    }

    @Test("completed and cancelled are final", arguments: [SessionStatus.completed, .cancelled])
    func finalStatuses(status: SessionStatus) {
        #expect(status.isFinal)
        for next in SessionStatus.allCases {
            #expect(!status.canMove(to: next))
        }
    }

    @Test("only cancelled sessions stop holding time")
    func holdsTime() {
        #expect(SessionStatus.allCases.filter { !$0.holdsTime } == [.cancelled])
        #expect(SessionStatus.allCases.filter(\.isFinal) == [.completed, .cancelled])
    }

    @Test("require names the session and its status")
    func requireMessage() {
        let error = expectRoundtableError(.invalidData) {
            try SessionStatus.cancelled.require([.scheduled], to: "invite people to", session: EntityKey(.session, id: 3))
        }
        #expect(error?.message == "cannot invite people to S-0003: it is cancelled")
        #expect(throws: Never.self) {
            try SessionStatus.scheduled.require([.scheduled], to: "x", session: EntityKey(.session, id: 3))
        }
    }

    static let seatMoves: Set<[SeatStatus]> = [
        [.invited, .confirmed], [.invited, .declined], [.confirmed, .declined], [.declined, .confirmed],
        [.invited, .attended], [.confirmed, .attended], [.confirmed, .noShow], [.invited, .noShow],
        [.attended, .noShow], [.noShow, .attended],
    ]

    @Test("seat moves", arguments: SeatStatus.allCases, SeatStatus.allCases)
    func seatMoves(from: SeatStatus, to: SeatStatus) {
        #expect(from.canMove(to: to) == Self.seatMoves.contains([from, to]))
    }

    @Test("a declined seat can be confirmed again but not attended")
    func declinedSeat() {
        #expect(SeatStatus.declined.canMove(to: .confirmed))
        #expect(!SeatStatus.declined.canMove(to: .attended))
        #expect(!SeatStatus.declined.canMove(to: .noShow))
        #expect(!SeatStatus.declined.holdsTime)
    }

    @Test("only confirmed and attended seats take a place")
    func takesPlace() {
        #expect(SeatStatus.allCases.filter(\.takesPlace) == [.confirmed, .attended])
        #expect(SeatStatus.allCases.filter { !$0.holdsTime } == [.declined])
    }

    @Test("checkMove explains a refused move")
    func checkMoveMessage() {
        let error = expectRoundtableError(.invalidData) {
            try SeatingRules.checkMove(.declined, to: .attended, participant: EntityKey(.participant, id: 5),
                                       session: EntityKey(.session, id: 2))
        }
        #expect(error?.message == "P-000005 is declined in S-0002 and cannot become attended")
    }

    @Test("raw values match the schema and the CLI")
    func rawValues() {
        #expect(SessionStatus.inProgress.rawValue == "in-progress")
        #expect(SeatStatus.noShow.rawValue == "no-show")
    }
}

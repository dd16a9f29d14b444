import Foundation
import Testing
@testable import RoundtableCore

/// Capacity + reserve, attendance timing and reply windows.
@Suite("SeatingRules")
struct SeatingRulesTests {
    static let start = Fixture.utc("2027-03-28T07:00:00Z")

    static func session(capacity: Int = 6, reserve: Int = 2, status: SessionStatus = .scheduled) -> Session {
        Session(id: 3, title: "Mobile banking", kind: .focusGroup, startsAt: start, timeZone: "Europe/Helsinki",
                durationMinutes: 90, channel: .inPerson, room: "Sali 1", capacity: capacity, reserve: reserve,
                status: status, createdAt: start.addingTimeInterval(-86_400 * 30))
    }

    @Test("confirmations up to capacity + reserve are allowed", arguments: 0...7)
    func belowLimit(confirmed: Int) throws {
        try SeatingRules.checkCapacity(Self.session(), confirmed: confirmed, adding: 1)
    }

    @Test("the confirmation past capacity + reserve is refused")
    func atLimit() throws {
        let error = expectRoundtableError(.invalidData) {
            try SeatingRules.checkCapacity(Self.session(), confirmed: 8, adding: 1)
        }
        let message = try #require(error?.message)
        #expect(message.contains("S-0003 is full"))
        #expect(message.contains("8 confirmed of 6 seats + 2 reserve"))
        #expect(message.contains("0 left, 1 asked"))
    }

    @Test("adding several at once counts them all")
    func addingSeveral() {
        #expect(throws: Never.self) { try SeatingRules.checkCapacity(Self.session(), confirmed: 5, adding: 3) }
        let error = expectRoundtableError(.invalidData) {
            try SeatingRules.checkCapacity(Self.session(), confirmed: 5, adding: 4)
        }
        #expect(error?.message.contains("3 left, 4 asked") == true)
    }

    @Test("without reserve the limit is the capacity")
    func noReserve() {
        let session = Self.session(capacity: 1, reserve: 0)
        #expect(session.seatLimit == 1)
        #expect(throws: Never.self) { try SeatingRules.checkCapacity(session, confirmed: 0, adding: 1) }
        expectRoundtableError(.invalidData) { try SeatingRules.checkCapacity(session, confirmed: 1, adding: 1) }
    }

    @Test("attendance is recorded only once the session has started")
    func attendanceTiming() throws {
        let before = expectRoundtableError(.invalidData) {
            try SeatingRules.checkCanRecordAttendance(Self.session(), now: Self.start.addingTimeInterval(-60))
        }
        #expect(before?.message.contains("before it starts (2027-03-28T10:00:00+03:00)") == true)
        try SeatingRules.checkCanRecordAttendance(Self.session(), now: Self.start)
        try SeatingRules.checkCanRecordAttendance(Self.session(status: .inProgress), now: Self.start.addingTimeInterval(600))
    }

    @Test("a session is completed once it has started, and the refusal speaks of completing")
    func completionTiming() throws {
        let early = expectRoundtableError(.invalidData) {
            try SeatingRules.checkCanComplete(Self.session(), now: Self.start.addingTimeInterval(-60))
        }
        #expect(early?.message == "cannot complete S-0003: it has not started yet (it starts 2027-03-28T10:00:00+03:00)")
        try SeatingRules.checkCanComplete(Self.session(), now: Self.start)
        try SeatingRules.checkCanComplete(Self.session(status: .inProgress), now: Self.start.addingTimeInterval(600))
        for status in [SessionStatus.draft, .completed, .cancelled] {
            let closed = expectRoundtableError(.invalidData) {
                try SeatingRules.checkCanComplete(Self.session(status: status), now: Self.start.addingTimeInterval(600))
            }
            #expect(closed?.message == "cannot complete S-0003: it is \(status.rawValue)")
        }
    }

    @Test("attendance is never recorded on a draft or final session",
          arguments: [SessionStatus.draft, .completed, .cancelled])
    func attendanceOnClosedSession(status: SessionStatus) {
        let error = expectRoundtableError(.invalidData) {
            try SeatingRules.checkCanRecordAttendance(Self.session(status: status), now: Self.start.addingTimeInterval(600))
        }
        #expect(error?.message.contains("it is \(status.rawValue)") == true)
    }

    @Test("replies are taken only on draft and scheduled sessions", arguments: SessionStatus.allCases)
    func openForReplies(status: SessionStatus) {
        let open = (try? SeatingRules.checkOpenForReplies(Self.session(status: status), action: "take replies for")) != nil
        #expect(open == (status == .draft || status == .scheduled))
    }

    @Test("Session.validate checks title, capacity and reserve")
    func validate() {
        #expect(throws: Never.self) { try Session.validate(title: "Kick-off", capacity: 1, reserve: 0) }
        expectRoundtableError(.usage) { try Session.validate(title: "   ", capacity: 6, reserve: 0) }
        expectRoundtableError(.usage) { try Session.validate(title: "x", capacity: 0, reserve: 0) }
        expectRoundtableError(.usage) { try Session.validate(title: "x", capacity: 501, reserve: 0) }
        expectRoundtableError(.usage) { try Session.validate(title: "x", capacity: 6, reserve: -1) }
        expectRoundtableError(.usage) { try Session.validate(title: "x", capacity: 6, reserve: 101) }
    }
}

import Foundation

/// Capacity, attendance timing and seat transitions, shared by the CLI and every importer.
public enum SeatingRules {
    /// Refuses to confirm `adding` more people when the session would pass capacity + reserve.
    public static func checkCapacity(_ session: Session, confirmed: Int, adding: Int) throws {
        guard confirmed + adding <= session.seatLimit else {
            let free = max(0, session.seatLimit - confirmed)
            throw RoundtableError.rule(
                "\(session.key) is full: \(confirmed) confirmed of \(session.capacity) seats + \(session.reserve) reserve"
                    + " (\(free) left, \(adding) asked)")
        }
    }

    /// Refuses a session holding more confirmed or attended seats than capacity + reserve, as a
    /// restored backup might (the commands never let it get there). The message leaves the
    /// session for the caller to name.
    public static func checkSeatsTaken(_ session: Session, taken: Int) throws {
        guard taken <= session.seatLimit else {
            throw RoundtableError.rule(
                "holds \(taken) confirmed or attended seats, more than its capacity of \(session.capacity) + \(session.reserve) reserve")
        }
    }

    /// Refuses a seat move the lifecycle does not allow.
    public static func checkMove(_ seat: SeatStatus, to next: SeatStatus, participant: EntityKey,
                                 session: EntityKey) throws {
        guard seat.canMove(to: next) else {
            throw RoundtableError.rule(
                "\(participant) is \(seat.rawValue) in \(session) and cannot become \(next.rawValue)")
        }
    }

    /// Attendance is recorded once the session has started, and never on a final session.
    public static func checkCanRecordAttendance(_ session: Session, now: Date) throws {
        try session.status.require([.scheduled, .inProgress], to: "record attendance for", session: session.key)
        guard session.startsAt <= now else {
            throw RoundtableError.rule(
                "cannot record attendance for \(session.key) before it starts (\(TimeFormat.local(session.startsAt, session.zone)))")
        }
    }

    /// A session is completed once it has started (a moderator may finish early), and only from
    /// scheduled or in progress: completing turns unmarked confirmed seats into no-shows.
    public static func checkCanComplete(_ session: Session, now: Date) throws {
        try session.status.require([.scheduled, .inProgress], to: "complete", session: session.key)
        guard session.startsAt <= now else {
            throw RoundtableError.rule(
                "cannot complete \(session.key): it has not started yet (it starts \(TimeFormat.local(session.startsAt, session.zone)))")
        }
    }

    /// Invitations and replies are taken only before a session is over.
    public static func checkOpenForReplies(_ session: Session, action: String) throws {
        try session.status.require([.draft, .scheduled], to: action, session: session.key)
    }
}

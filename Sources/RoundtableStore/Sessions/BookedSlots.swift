import Foundation
import GRDB
import RoundtableCore

/// Finds sessions that take a moderator's, a participant's or a room's time in a span.
enum BookedSlots {
    static func moderator(_ db: Database, _ id: Int64, start: Date, end: Date) throws -> [BookedSlot] {
        try fetch(db, "EXISTS (SELECT 1 FROM sessionModerator sm WHERE sm.sessionId = s.id AND sm.moderatorId = ?)",
                  id, start, end)
    }

    static func participant(_ db: Database, _ id: Int64, start: Date, end: Date) throws -> [BookedSlot] {
        try fetch(db, """
            EXISTS (SELECT 1 FROM seat WHERE seat.sessionId = s.id AND seat.participantId = ? AND seat.status <> 'declined')
            """, id, start, end)
    }

    static func room(_ db: Database, _ roomKey: String, start: Date, end: Date) throws -> [BookedSlot] {
        try fetch(db, "s.roomKey = ?", roomKey, start, end)
    }

    /// Refuses the plan if any moderator, seated participant or the room is busy at `start..<end`.
    static func checkFree(_ db: Database, session: Session, moderators: [Moderator], participants: [Participant],
                          ignoring: EntityKey?) throws {
        let zone = session.zone
        for moderator in moderators {
            let booked = try Self.moderator(db, moderator.id!, start: session.startsAt, end: session.endsAt)
            try ScheduleRules.checkNoClash(.moderator(moderator.key, name: moderator.name), start: session.startsAt,
                                           end: session.endsAt, booked: booked, zone: zone, ignoring: ignoring)
        }
        if let roomKey = session.roomKey, let room = session.room {
            let booked = try Self.room(db, roomKey, start: session.startsAt, end: session.endsAt)
            try ScheduleRules.checkNoClash(.room(room), start: session.startsAt, end: session.endsAt, booked: booked,
                                           zone: zone, ignoring: ignoring)
        }
        for participant in participants {
            let booked = try Self.participant(db, participant.id!, start: session.startsAt, end: session.endsAt)
            try ScheduleRules.checkNoClash(.participant(participant.key, name: participant.displayName),
                                           start: session.startsAt, end: session.endsAt, booked: booked, zone: zone,
                                           ignoring: ignoring)
        }
    }

    // The lower bound on startsAt lets SQLite search a narrow slice of the start index instead of
    // every session the moderator or room ever had.
    private static func fetch(_ db: Database, _ condition: String, _ value: some DatabaseValueConvertible,
                              _ start: Date, _ end: Date) throws -> [BookedSlot] {
        try Row.fetchAll(db, sql: """
            SELECT s.id, s.title, s.startsAt, s.endsAt FROM session s
            WHERE s.startsAt > ? AND s.startsAt < ? AND s.endsAt > ? AND s.status <> 'cancelled' AND \(condition)
            ORDER BY s.startsAt
            """, arguments: [Session.earliestStart(overlapping: start), end, start, value]).map { row in
            BookedSlot(session: EntityKey(.session, id: row["id"]), title: row["title"], start: row["startsAt"],
                       end: row["endsAt"])
        }
    }
}

import Foundation
import GRDB
import RoundtableCore

/// Which sessions `export ics` writes.
public enum CalendarSelection: Sendable, Equatable {
    /// These sessions, in the order given (a key named twice is written once).
    case sessions([EntityKey])
    /// Every session that has not ended and is not completed, cancelled ones included so that
    /// calendars which imported them earlier learn of the cancellation.
    case upcoming
    /// Every session the moderator runs, past and future.
    case moderator(EntityKey)
}

extension AppDatabase {
    /// The sessions a calendar export writes, each with its moderators and every seat, read in one
    /// snapshot; upcoming and moderator selections come in start order.
    public func calendarSessions(_ selection: CalendarSelection) throws -> [SessionDetails] {
        try read { db in
            let sessions: [Session]
            switch selection {
            case .sessions(let keys):
                var seen = Set<EntityKey>()
                sessions = try keys.filter { seen.insert($0).inserted }.map { try Lookup.session(db, $0) }
            case .upcoming:
                let now = clock()
                let live = [SessionStatus.draft, .scheduled, .inProgress, .cancelled].map(\.rawValue)
                sessions = try Session
                    .filter(Column("startsAt") > Session.earliestStart(overlapping: now))
                    .filter(Column("endsAt") > now)
                    .filter(live.contains(Column("status")))
                    .order(Column("startsAt"), Column("id"))
                    .fetchAll(db)
            case .moderator(let key):
                _ = try Lookup.moderator(db, key)
                sessions = try Session
                    .filter(sql: "id IN (SELECT sessionId FROM sessionModerator WHERE moderatorId = ?)",
                            arguments: [key.id])
                    .order(Column("startsAt"), Column("id"))
                    .fetchAll(db)
            }
            return try Self.details(db, sessions, withSeats: true)
        }
    }
}

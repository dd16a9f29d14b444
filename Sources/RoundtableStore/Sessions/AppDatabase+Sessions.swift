import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Schedules a session after checking moderators and room are free; returns it with its key.
    public func scheduleSession(_ plan: SessionPlan) throws -> Session {
        try write { db in try scheduleSession(db, plan) }
    }

    /// Moves a session to a new start (and optionally length, zone), re-checking every clash.
    /// `start` is ISO 8601 with an offset, or a local time read in `timeZone` (else the session's zone).
    public func rescheduleSession(_ key: EntityKey, start text: String, timeZone: String?, durationMinutes: Int?,
                                  allowPast: Bool) throws -> Session {
        try write { db in
            var session = try Lookup.session(db, key)
            try session.status.require([.draft, .scheduled], to: "reschedule", session: key)
            if let timeZone { session.timeZone = try Zone.canonicalName(timeZone) }
            let start = try InstantParser.instant(from: text, zone: session.zone)
            try ScheduleRules.checkStart(start, now: clock(), allowPast: allowPast)
            session.move(to: start, durationMinutes: durationMinutes ?? session.durationMinutes)
            let moderators = try Self.moderators(db, of: key.id)
            let seated = try Participant.fetchAll(db, sql: """
                SELECT participant.* FROM participant JOIN seat ON seat.participantId = participant.id
                WHERE seat.sessionId = ? AND seat.status <> 'declined'
                """, arguments: [key.id])
            try BookedSlots.checkFree(db, session: session, moderators: moderators, participants: seated, ignoring: key)
            try session.update(db)
            try audit(db, "session.reschedule", "\(key)", TimeFormat.utc(start))
            return session
        }
    }

    /// Cancels a session with a reason; seats stay for the record.
    public func cancelSession(_ key: EntityKey, reason: String) throws -> Session {
        try write { db in
            var session = try Lookup.session(db, key)
            let reason = UnicodeText.trimmed(reason)
            guard !reason.isEmpty else { throw RoundtableError.usage("cancelling needs a --reason") }
            _ = try TextRules.text(reason, what: "--reason")
            guard session.status.canMove(to: .cancelled) else {
                throw RoundtableError.rule("cannot cancel \(key): it is \(session.status.rawValue)")
            }
            session.status = .cancelled
            session.cancelReason = reason
            try session.update(db)
            try audit(db, "session.cancel", "\(key)", reason)
            return session
        }
    }

    /// Marks a session completed; confirmed people not marked as attended become no-shows.
    public func completeSession(_ key: EntityKey) throws -> CompletionSummary {
        try write { db in try completeSession(db, key) }
    }

    func completeSession(_ db: Database, _ key: EntityKey) throws -> CompletionSummary {
        var session = try Lookup.session(db, key)
        try SeatingRules.checkCanComplete(session, now: clock())
        session.status = .completed
        try session.update(db)
        var unmarked: [Seat] = []
        for var seat in try Seat.filter(Column("sessionId") == key.id).fetchAll(db) {
            guard let next = seat.status.afterCompletion else { continue }
            seat.status = next
            seat.updatedAt = clock()
            try seat.update(db)
            unmarked.append(seat)
        }
        let attended = try Seat.filter(Column("sessionId") == key.id && Column("status") == SeatStatus.attended.rawValue)
            .fetchCount(db)
        try audit(db, "session.complete", "\(key)", "\(attended) attended, \(unmarked.count) no-show")
        return CompletionSummary(session: session, attended: attended,
                                 markedNoShow: unmarked.map { EntityKey(.participant, id: $0.participantId) })
    }

    func scheduleSession(_ db: Database, _ plan: SessionPlan) throws -> Session {
        try Session.validate(title: plan.title, capacity: plan.capacity, reserve: plan.reserve)
        guard !plan.moderators.isEmpty else { throw RoundtableError.usage("a session needs at least one --moderator") }
        let moderators = try plan.moderators.map { try Lookup.moderator(db, $0) }
        let zone = try Zone.named(plan.timeZone ?? moderators[0].timeZone)
        let start = try InstantParser.instant(from: plan.start, zone: zone)
        try ScheduleRules.checkStart(start, now: clock(), allowPast: plan.allowPast)
        guard Set(plan.moderators).count == plan.moderators.count else {
            throw RoundtableError.usage("a moderator is named twice")
        }
        var panelId: Int64?
        if let key = plan.panel {
            let panel = try Lookup.panel(db, key)
            guard !panel.isArchived else { throw RoundtableError.rule("panel \(key) is archived and takes no new sessions") }
            panelId = panel.id
        }
        let room = try plan.room.flatMap { UnicodeText.trimmed($0).isEmpty ? nil : try TextRules.token($0, what: "--room") }
        var session = Session(
            panelId: panelId, title: plan.title, kind: plan.kind, startsAt: start, timeZone: Zone.name(of: zone),
            durationMinutes: plan.durationMinutes, channel: plan.channel, room: room, capacity: plan.capacity,
            reserve: plan.reserve, status: .scheduled, createdAt: clock())
        try BookedSlots.checkFree(db, session: session, moderators: moderators, participants: [], ignoring: nil)
        try session.insert(db)
        for moderator in moderators {
            try SessionModerator(sessionId: session.id!, moderatorId: moderator.id!).insert(db)
        }
        try audit(db, "session.schedule", "\(session.key)", "\(TimeFormat.utc(session.startsAt)) \(session.title)")
        return session
    }

    static func moderators(_ db: Database, of sessionId: Int64) throws -> [Moderator] {
        try Moderator.fetchAll(db, sql: """
            SELECT moderator.* FROM moderator JOIN sessionModerator sm ON sm.moderatorId = moderator.id
            WHERE sm.sessionId = ? ORDER BY moderator.id
            """, arguments: [sessionId])
    }
}

import Foundation
import GRDB
import RoundtableCore

/// Schedules one past session a source, in the order the sources come: at the time recorded in
/// the source's session variables (kept as it is, so a clash is an error), else 60 minutes (UTC)
/// from its creation time or now, moved on past the previous such session of the same moderator.
/// Every session is checked like `session schedule`.
struct REFISessionPlanner {
    let panel: String
    let capacity: Int
    private var moderators: [Int?: EntityKey] = [:]
    private var next: [EntityKey: Date] = [:]

    init(panel: String, capacity: Int) {
        self.panel = panel
        self.capacity = capacity
    }

    mutating func schedule(_ database: AppDatabase, _ db: Database, _ project: REFIImportProject,
                           _ source: REFIImportSource) throws -> Session {
        let user = source.creatingUser.flatMap { guid in project.users.firstIndex { $0.guid == guid } }
            ?? (project.users.isEmpty ? nil : 0)
        let moderator = try moderators[user] ?? database.refiModerator(db, project.users, user)
        moderators[user] = moderator
        do {
            let plan: SessionPlan
            if let recorded = source.variable(REFISessionVariables.start) {
                let zone = source.variable(REFISessionVariables.timeZone) ?? "UTC"
                let minutes = try source.variable(REFISessionVariables.duration).map(DurationParser.minutes) ?? 60
                plan = SessionPlan(title: source.name, kind: .focusGroup, start: recorded, timeZone: zone,
                                   durationMinutes: minutes, moderators: [moderator], panel: panel, capacity: capacity,
                                   allowPast: true)
            } else {
                let start = max(source.created ?? database.clock(), next[moderator] ?? .distantPast)
                plan = SessionPlan(title: source.name, kind: .focusGroup, start: AppDatabase.iso(start), timeZone: "UTC",
                                   durationMinutes: 60, moderators: [moderator], panel: panel, capacity: capacity,
                                   allowPast: true)
            }
            let session = try database.scheduleSession(db, plan)
            next[moderator] = max(next[moderator] ?? .distantPast, session.endsAt.addingTimeInterval(60))
            return session
        } catch let error as RoundtableError {
            throw RoundtableError.rule("source '\(source.name)': \(error.message)")
        }
    }
}

extension AppDatabase {
    /// Seats the people a source's cases name as attended: the session is a record of the past, so
    /// no invitation or eligibility applies, but a person in two overlapping sessions is refused.
    func seatREFISpeakers(_ db: Database, _ session: Session, _ people: [Participant]) throws {
        guard !people.isEmpty else { return }
        for person in people {
            let booked = try BookedSlots.participant(db, person.id!, start: session.startsAt, end: session.endsAt)
            try ScheduleRules.checkNoClash(.participant(person.key, name: person.displayName), start: session.startsAt,
                                           end: session.endsAt, booked: booked, zone: session.zone)
            var seat = Seat(sessionId: session.id!, participantId: person.id!, status: .attended, invitedAt: clock())
            try seat.insert(db)
        }
        // As `session attend` does: a session with attendance is under way.
        var session = session
        if session.status == .scheduled {
            session.status = .inProgress
            try session.update(db)
        }
    }

    /// The moderator for user number `index` of the project (from 0), created the first time.
    func refiModerator(_ db: Database, _ users: [REFIImportUser], _ index: Int?) throws -> EntityKey {
        let name = index.flatMap { users.indices.contains($0) && !users[$0].name.isEmpty ? users[$0].name : nil } ?? "REFI import"
        let email = index.map { "user-\($0 + 1)@refi.invalid" } ?? "refi-import@refi.invalid"
        if let existing = try Moderator.filter(sql: "email = ? COLLATE NOCASE", arguments: [email]).fetchOne(db) { return existing.key }
        return try addModerator(db, name: name, email: email, timeZone: "UTC").key
    }
}

import Foundation
import GRDB
import RoundtableCore

/// What the demo loader created.
public struct DemoSummary: Sendable {
    public var moderators: Int
    public var panels: Int
    public var participants: Int
    public var sessions: Int
    public var seats: Int
    /// The key each demo `ref` was given.
    public var people: [String: EntityKey]
}

extension AppDatabase {
    /// Loads the demo workspace in one transaction, through the same rules as the command line.
    public func loadDemo(_ demo: DemoWorkspace) throws -> DemoSummary {
        try write { db in
            var moderators: [String: EntityKey] = [:]
            for entry in demo.moderators {
                moderators[entry.ref] = try addModerator(db, name: entry.name, email: entry.email, timeZone: entry.timeZone).key
            }
            for entry in demo.panels {
                _ = try createPanel(db, key: entry.key, name: entry.name, kind: entry.kind, description: entry.description)
            }
            var people: [String: EntityKey] = [:]
            for entry in demo.participants {
                people[entry.ref] = try loadDemoParticipant(db, entry)
            }
            var seats = 0
            let now = clock()
            for entry in demo.sessions {
                let plan = SessionPlan(
                    title: entry.title, kind: entry.kind, start: try DemoWorkspace.localStart(entry, now: now),
                    timeZone: entry.timeZone, durationMinutes: entry.durationMinutes,
                    moderators: try entry.moderators.map { try Self.demoRef(moderators, $0) }, panel: entry.panel,
                    channel: entry.channel, room: entry.room, capacity: entry.capacity, reserve: entry.reserve,
                    allowPast: true)
                let session = try scheduleSession(db, plan)
                let seated = try entry.seats.keys.sorted().map { try Self.demoRef(people, $0) }
                _ = try invite(db, session.key, participants: seated, policy: EligibilityPolicy())
                seats += seated.count
                for (ref, status) in entry.seats.sorted(by: { $0.key < $1.key }) where status != .invited {
                    let person = try Self.demoRef(people, ref)
                    _ = try respond(db, session.key, participant: person, accepts: status != .declined,
                                    policy: EligibilityPolicy())
                }
                let came = try entry.seats.filter { $0.value == .attended }.keys.sorted().map { try Self.demoRef(people, $0) }
                let missed = try entry.seats.filter { $0.value == .noShow }.keys.sorted().map { try Self.demoRef(people, $0) }
                if !came.isEmpty || !missed.isEmpty {
                    _ = try recordAttendance(db, session.key, attended: came, noShow: missed)
                }
                if entry.complete == true { _ = try completeSession(db, session.key) }
            }
            return DemoSummary(moderators: demo.moderators.count, panels: demo.panels.count,
                               participants: demo.participants.count, sessions: demo.sessions.count, seats: seats,
                               people: people)
        }
    }

    private func loadDemoParticipant(_ db: Database, _ entry: DemoWorkspace.ParticipantEntry) throws -> EntityKey {
        let attributes = (entry.attributes ?? [:]).sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        let new = NewParticipant(name: entry.name, email: entry.email, phone: entry.phone, locale: entry.locale,
                                 timeZone: entry.timeZone, attributes: attributes)
        var participant = try addParticipant(db, new)
        let key = participant.key
        for scope in entry.consent ?? [] {
            _ = try recordConsent(db, key, scope: scope, given: true, version: "2026-01")
        }
        for scope in entry.withdrawn ?? [] {
            _ = try recordConsent(db, key, scope: scope, given: false, version: "2026-01")
        }
        if entry.doNotContact == true {
            participant.doNotContact = true
            try participant.update(db)
        }
        for panel in entry.panels ?? [] {
            _ = try addMembers(db, panel: panel, participants: [key], role: entry.role ?? "member", termEnd: nil)
        }
        return key
    }

    private static func demoRef(_ refs: [String: EntityKey], _ ref: String) throws -> EntityKey {
        guard let key = refs[ref] else { throw RoundtableError.rule("demo data names unknown '\(ref)'") }
        return key
    }
}

import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// A clock the tests set and move by hand, so nothing depends on today's date.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }

    func set(_ date: Date) { lock.withLock { current = date } }
}

/// A fresh in-memory workspace at 2026-12-01T09:00:00Z, with helpers to fill it.
struct Workspace {
    static let start = instant("2026-12-01T09:00:00Z")

    let clock: ManualClock
    let db: AppDatabase

    init(now: Date = Workspace.start) throws {
        let clock = ManualClock(now)
        self.clock = clock
        db = try AppDatabase.inMemory(clock: { clock.now })
    }

    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("bad fixture instant \(text)") }
        return date
    }

    @discardableResult
    func moderator(_ name: String = "Åsa Lindqvist", email: String? = nil, zone: String = "Europe/Helsinki") throws -> Moderator {
        let count = try db.moderators().count
        return try db.addModerator(name: name, email: email ?? "moderator\(count + 1)@example.fi", timeZone: zone)
    }

    /// Adds a participant, records contact consent unless `consent` is nil, and joins `panel` if given.
    @discardableResult
    func participant(_ name: String, email: String? = nil, consent: Bool? = true, panel: String? = nil,
                     attributes: [(name: String, value: String)] = []) throws -> Participant {
        let person = try db.addParticipant(NewParticipant(name: name, email: email, attributes: attributes))
        if let consent { _ = try db.recordConsent(person.key, scope: .contact, given: consent, version: "2026-01") }
        if let panel { _ = try db.addMembers(panel: panel, participants: [person.key], role: "member", termEnd: nil) }
        return person
    }

    @discardableResult
    func panel(_ key: String = "nordic-pool", kind: PanelKind = .pool) throws -> Panel {
        try db.createPanel(key: key, name: "Nordic pool", kind: kind, description: nil)
    }

    @discardableResult
    func session(_ title: String = "Mobile banking", kind: SessionKind = .focusGroup, start: String = "2027-03-28 10:00",
                 zone: String? = "Europe/Helsinki", minutes: Int = 90, moderators: [Moderator], panel: String? = nil,
                 room: String? = nil, capacity: Int = 6, reserve: Int = 0, allowPast: Bool = false) throws -> Session {
        try db.scheduleSession(SessionPlan(
            title: title, kind: kind, start: start, timeZone: zone, durationMinutes: minutes,
            moderators: moderators.map(\.key), panel: panel, room: room, capacity: capacity, reserve: reserve,
            allowPast: allowPast))
    }

    /// Invites people with the default policy.
    @discardableResult
    func invite(_ session: Session, _ people: [Participant], policy: EligibilityPolicy = EligibilityPolicy()) throws -> [Seat] {
        try db.invite(session.key, participants: people.map(\.key), policy: policy)
    }

    func seatStatus(_ session: Session, _ person: Participant) throws -> SeatStatus? {
        try db.sessionDetails(session.key).seats.first { $0.participant.id == person.id }?.seat.status
    }

    func auditActions() throws -> [String] {
        try db.read { db in try AuditEntry.order(sql: "id").fetchAll(db).map(\.action) }
    }
}

/// Runs `body`, expecting a `RoundtableError` of `kind`, and returns it.
@discardableResult
func expectRoundtableError<T>(_ kind: RoundtableError.Kind? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                              _ body: () throws -> T) -> RoundtableError? {
    do {
        let value = try body()
        Issue.record("expected a RoundtableError, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let error as RoundtableError {
        if let kind { #expect(error.kind == kind, "message: \(error.message)", sourceLocation: sourceLocation) }
        return error
    } catch {
        Issue.record("expected a RoundtableError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

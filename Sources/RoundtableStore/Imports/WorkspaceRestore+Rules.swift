import Foundation
import GRDB
import RoundtableCore

/// The rules a restored record is held to: the Core checks the commands run, applied as each
/// record streams past (linear, no queries), and the database's own keys for the rest.
extension WorkspaceRestore {
    /// Notes that the record at the current line breaks a rule.
    func violation(_ subject: String, _ message: String) {
        summary.violations.append(RestoreViolation(line: line, message: "\(subject): \(message)"))
    }

    /// Runs a Core rule; a refusal becomes a violation. Returns whether the rule held.
    @discardableResult
    func check(_ subject: @autoclosure () -> String, _ rule: () throws -> Void) -> Bool {
        do {
            try rule()
            return true
        } catch let error as RoundtableError {
            violation(subject(), error.message)
        } catch {
            violation(subject(), "\(error)")
        }
        return false
    }

    /// Runs an insert; a row the database refuses (a key given twice, a reference to nothing)
    /// becomes a violation instead of ending the restore. SQLite undoes just the failed statement.
    /// Returns whether the row was stored.
    func store(_ subject: @autoclosure () -> String, _ insert: () throws -> Void,
               repeated: @autoclosure () -> String = "appears more than once in the backup") throws -> Bool {
        do {
            try insert()
            return true
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            switch error.extendedResultCode {
            case .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE:
                violation(subject(), repeated())
            case .SQLITE_CONSTRAINT_FOREIGNKEY:
                violation(subject(), "refers to a record the backup does not contain")
            default:
                violation(subject(), "has a value out of the allowed range")
            }
            return false
        }
    }

    /// A participant's details, checked as `participant add` and roster imports check them.
    func checkDetails(of record: ParticipantRecord, _ subject: String) {
        let person = record.participant
        check(subject) { _ = try TextRules.name(person.displayName, what: "the name") }
        if let email = person.email { check(subject) { _ = try ContactRules.email(email) } }
        if let phone = person.phone { check(subject) { _ = try ContactRules.phone(phone) } }
        if let locale = person.locale { check(subject) { _ = try ContactRules.locale(locale) } }
        if let zone = person.timeZone { check(subject) { _ = try Zone.canonicalName(zone) } }
        for attribute in record.attributes {
            check(subject) { try ContactRules.attribute(name: attribute.name, value: attribute.value) }
        }
        if let repeated = RosterEntry.firstRepeatedName(record.attributes) {
            violation(subject, "attribute '\(repeated)' is given twice")
        }
        for consent in record.consents {
            check(subject) { _ = try TextRules.token(consent.version, what: "a consent version") }
            check(subject) { try ConsentRules.checkRecorded(consent, now: now) }
        }
    }

    func session(_ record: SessionRecord) throws {
        var session = record.session
        let subject = "session \(session.key)"
        if let panel = record.panelKey {
            if let panelId = panelIds[panel] {
                session.panelId = panelId
            } else {
                violation(subject, "belongs to panel \(panel), which the backup does not contain")
            }
        }
        checkDetails(of: session, subject)
        var moderators: [Int64] = []
        for moderator in record.moderators {
            if moderatorNames[moderator.id] == nil {
                violation(subject, "names moderator \(moderator), which the backup does not contain")
            } else if moderators.contains(moderator.id) {
                violation(subject, "names moderator \(moderator) twice")
            } else {
                moderators.append(moderator.id)
            }
        }
        if record.moderators.isEmpty { violation(subject, "has no moderator") }
        var seated = Set<Int64>()
        var seats: [Seat] = []
        for (participant, seat) in record.seats {
            guard seated.insert(participant.id).inserted else {
                violation(subject, "seats \(participant) twice")
                continue
            }
            guard try Participant.exists(db, key: participant.id) else {
                violation(subject, "seats \(participant), which the backup does not contain")
                continue
            }
            seats.append(seat)
        }
        check(subject) { try SeatingRules.checkSeatsTaken(session, taken: seats.count(where: { $0.status.takesPlace })) }
        guard try store(subject, { try session.insert(db) }) else { return }
        for moderator in moderators {
            _ = try store(subject, { try SessionModerator(sessionId: session.key.id, moderatorId: moderator).insert(db) })
        }
        for var seat in seats {
            _ = try store(subject, { try seat.insert(db) })
        }
        if session.status.holdsTime {
            schedule.add(session, line: line, moderators: moderators,
                         participants: seats.filter { $0.status.holdsTime }.map(\.participantId))
        }
        summary.sessions += 1
    }

    /// A session's own values, checked as `session schedule` checks them.
    private func checkDetails(of session: Session, _ subject: String) {
        check(subject) { try Session.validate(title: session.title, capacity: session.capacity, reserve: session.reserve) }
        check(subject) { _ = try Zone.canonicalName(session.timeZone) }
        if !(1...Session.maximumDurationMinutes).contains(session.durationMinutes) {
            violation(subject, "lasts \(session.durationMinutes) minutes; a session lasts from 1 minute to 24 hours")
        }
        if let room = session.room { check(subject) { _ = try TextRules.token(room, what: "the room") } }
        if session.status == .cancelled && session.cancelReason == nil { violation(subject, "is cancelled without a reason") }
        if let reason = session.cancelReason { check(subject) { _ = try TextRules.text(reason, what: "the reason") } }
    }

    /// No moderator, participant or room in two overlapping sessions: each clash is a violation of
    /// the later session, worded as `session schedule` words it.
    func checkSchedule() throws {
        for clash in schedule.clashes() {
            let subject: ClashSubject
            switch clash.holder {
            case .moderator(let id):
                subject = .moderator(EntityKey(.moderator, id: id), name: moderatorNames[id] ?? "")
            case .participant(let id):
                let name = try String.fetchOne(db, sql: "SELECT displayName FROM participant WHERE id = ?", arguments: [id])
                subject = .participant(EntityKey(.participant, id: id), name: name ?? "")
            case .room(let key):
                subject = .room(clash.session.room ?? key)
            }
            line = clash.session.line
            check("session \(clash.session.key)") {
                try ScheduleRules.checkNoClash(subject, start: clash.session.start, end: clash.session.end, booked: clash.booked,
                                               zone: TimeZone(identifier: clash.session.zone) ?? Zone.utc)
            }
        }
    }
}

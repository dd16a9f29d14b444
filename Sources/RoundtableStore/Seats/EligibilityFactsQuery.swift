import Foundation
import GRDB
import RoundtableCore

/// Gathers, in a handful of set-based queries, what the eligibility rules need about many people.
enum EligibilityFactsQuery {
    /// Facts for each of `participants`, relative to `target` (a session) or to `moment`.
    static func facts(_ db: Database, participants: [Participant], target: Session?, moment: Date,
                      policy: EligibilityPolicy) throws -> [Int64: EligibilityFacts] {
        var facts: [Int64: EligibilityFacts] = [:]
        for participant in participants {
            var fact = EligibilityFacts()
            fact.doNotContact = participant.doNotContact
            fact.erased = participant.isErased
            facts[participant.id!] = fact
        }
        let ids = JSONList.encode(participants.map { $0.id! })
        for row in try Row.fetchAll(db, sql: """
            SELECT participantId, given FROM consent WHERE id IN (
              SELECT \(ConsentInForce.id(participant: "person.value", scope: "'contact'")) FROM json_each(?) person)
            """, arguments: [ids]) {
            facts[row["participantId"]]?.contactConsentGiven = row["given"]
        }
        if !policy.coolDown.isZero {
            let from = policy.coolDown.before(moment, in: Zone.utc)
            let to = policy.coolDown.after(moment, in: Zone.utc)
            for row in try Row.fetchAll(db, sql: """
                SELECT seat.participantId, session.id, session.startsAt FROM seat
                JOIN session ON session.id = seat.sessionId
                WHERE session.kind = 'focus-group' AND session.status <> 'cancelled'
                  AND seat.status IN ('confirmed', 'attended') AND session.startsAt > ? AND session.startsAt < ?
                  AND seat.participantId IN (SELECT value FROM json_each(?))
                """, arguments: [from, to, ids]) {
                facts[row[0]]?.focusGroups.append((EntityKey(.session, id: row[1]), row[2]))
            }
        }
        if let target {
            for row in try Row.fetchAll(db, sql: """
                SELECT seat.participantId, session.id FROM seat JOIN session ON session.id = seat.sessionId
                WHERE seat.status <> 'declined' AND session.status <> 'cancelled'
                  AND session.startsAt > ? AND session.startsAt < ? AND session.endsAt > ? AND session.id <> ?
                  AND seat.participantId IN (SELECT value FROM json_each(?))
                """, arguments: [Session.earliestStart(overlapping: target.startsAt), target.endsAt, target.startsAt,
                                  target.id, ids]) {
                facts[row[0]]?.overlapping.append(EntityKey(.session, id: row[1]))
            }
            for seat in try Seat.filter(Column("sessionId") == target.id!).fetchAll(db) {
                facts[seat.participantId]?.seatInTarget = seat.status
            }
        }
        return facts
    }
}

import Foundation
import GRDB
import RoundtableCore

/// Applies roster rows one at a time inside an import transaction, finding people again by
/// (partner, partner's id). Holds no per-row state: uniqueness lives in SQLite, so memory stays flat.
struct RosterUpsert {
    enum Outcome {
        case new, updated, unchanged, forgotten, duplicate
    }

    let db: Database
    let partner: String
    let batchId: Int64
    let panelId: Int64?
    let now: Date

    mutating func apply(_ entry: RosterEntry) throws -> Outcome {
        let reference = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT participantId, importBatchId FROM externalReference WHERE partner = ? AND externalId = ?"),
            arguments: [partner, entry.externalId])
        guard let reference else {
            try insert(entry)
            return .new
        }
        if reference["importBatchId"] == batchId { return .duplicate }
        let participantId: Int64 = reference["participantId"]
        try db.cachedStatement(sql: "UPDATE externalReference SET importBatchId = ? WHERE partner = ? AND externalId = ?")
            .execute(arguments: [batchId, partner, entry.externalId])
        guard var participant = try Participant.fetchOne(db, key: participantId) else { return .forgotten }
        if participant.isErased { return .forgotten }
        var changed = false
        let before = participant
        participant.rename(entry.name)
        participant.email = entry.email
        participant.phone = entry.phone
        participant.locale = entry.locale
        participant.timeZone = entry.timeZone
        participant.doNotContact = entry.doNotContact
        if participant != before {
            try participant.update(db)
            changed = true
        }
        changed = try upsertAttributes(participantId, entry.attributes) || changed
        changed = try addConsents(participantId, entry.consents) || changed
        changed = try joinPanel(participantId) || changed
        return changed ? .updated : .unchanged
    }

    private func insert(_ entry: RosterEntry) throws {
        var participant = Participant(displayName: entry.name, email: entry.email, phone: entry.phone, locale: entry.locale,
                                      timeZone: entry.timeZone, doNotContact: entry.doNotContact, createdAt: now)
        try participant.insert(db)
        let id = participant.id!
        _ = try upsertAttributes(id, entry.attributes)
        _ = try addConsents(id, entry.consents)
        try ExternalReference(participantId: id, partner: partner, externalId: entry.externalId, importBatchId: batchId)
            .insert(db)
        _ = try joinPanel(id)
    }

    private func upsertAttributes(_ participantId: Int64, _ attributes: [NamedValue]) throws -> Bool {
        var changed = false
        for attribute in attributes {
            let current = try String.fetchOne(
                db.cachedStatement(sql: "SELECT value FROM participantAttribute WHERE participantId = ? AND name = ?"),
                arguments: [participantId, attribute.name])
            guard current != attribute.value else { continue }
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO participantAttribute (participantId, name, value) VALUES (?, ?, ?)")
                .execute(arguments: [participantId, attribute.name, attribute.value])
            changed = true
        }
        return changed
    }

    private func addConsents(_ participantId: Int64, _ consents: [ConsentRecord]) throws -> Bool {
        var changed = false
        for consent in consents {
            let known = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT 1 FROM consent WHERE participantId = ? AND scope = ? AND version = ? AND given = ? AND recordedAt = ?
                """), arguments: [participantId, consent.scope.rawValue, consent.version, consent.given, consent.at]) != nil
            guard !known else { continue }
            var record = Consent(participantId: participantId, scope: consent.scope, version: consent.version,
                                 given: consent.given, recordedAt: consent.at)
            try record.insert(db)
            changed = true
        }
        return changed
    }

    private func joinPanel(_ participantId: Int64) throws -> Bool {
        guard let panelId else { return false }
        let status = try String.fetchOne(
            db.cachedStatement(sql: "SELECT status FROM membership WHERE panelId = ? AND participantId = ?"),
            arguments: [panelId, participantId])
        if status == MembershipStatus.active.rawValue { return false }
        if status == nil {
            var membership = Membership(panelId: panelId, participantId: participantId, role: "member", joinedAt: now)
            try membership.insert(db)
        } else {
            try db.cachedStatement(sql: "UPDATE membership SET status = 'active', leftAt = NULL, joinedAt = ? WHERE panelId = ? AND participantId = ?")
                .execute(arguments: [now, panelId, participantId])
        }
        return true
    }
}

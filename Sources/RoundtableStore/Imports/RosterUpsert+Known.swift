import Foundation
import GRDB
import RoundtableCore

/// Rows from a partner who has sent people before: each is new, a duplicate, or names someone
/// known, whose stored data it may change.
extension RosterUpsert {
    /// Applies a known partner's waiting rows, in file order: what is stored for them is read in
    /// one go, an unchanged row is only marked as sent, and a changed one goes the row-by-row way.
    func applyKnown(_ report: Report) throws {
        guard let knownPeople, !known.isEmpty else { return }
        defer { known.removeAll(keepingCapacity: true) }
        try knownPeople.load(known.map(\.externalId))
        var seen = Set<String>(minimumCapacity: known.count)
        var sent: [String] = []
        // A person changed in this batch is read again before being compared (ids that share a person).
        var written = Set<Int64>()
        for index in known.indices {
            let entry = known[index]
            guard seen.insert(entry.externalId).inserted else {
                try report(entry.line, entry.externalId, .duplicate)
                continue
            }
            guard let reference = knownPeople.found[entry.externalId] else {
                try report(entry.line, entry.externalId, try insertNew(entry))
                continue
            }
            if reference.importBatchId == batchId {
                try report(entry.line, entry.externalId, .duplicate)
                continue
            }
            sent.append(entry.externalId)
            let id = reference.participantId
            if !written.contains(id), let person = knownPeople.stored[id], !person.isErased,
               knownPeople.isUnchanged(person, entry) {
                try report(entry.line, entry.externalId, .unchanged)
                continue
            }
            written.insert(id)
            try report(entry.line, entry.externalId, try update(id, entry))
        }
        try knownPeople.markSent(sent)
    }

    /// A known partner's row whose id is new to the workspace.
    func insertNew(_ entry: RosterEntry) throws -> Outcome {
        let id = try insertNewPeople([entry])[0]
        guard try writeReference(.init(externalId: entry.externalId, participantId: id, line: entry.line)) else {
            try forget(id)
            return .duplicate
        }
        try insertDetails([entry], ids: [id])
        return .new
    }

    /// Applies a row to the person a known partner id names (its id is marked as sent elsewhere).
    func update(_ participantId: Int64, _ entry: RosterEntry) throws -> Outcome {
        guard var participant = try Participant.fetchOne(db, key: participantId), !participant.isErased else {
            return .forgotten
        }
        let before = participant
        participant.rename(entry.name)
        participant.email = entry.email
        participant.phone = entry.phone
        participant.locale = entry.locale
        participant.timeZone = entry.timeZone
        participant.doNotContact = entry.doNotContact
        var changed = false
        if participant != before {
            try participant.update(db)
            changed = true
        }
        changed = try upsertAttributes(participantId, entry.attributes) || changed
        changed = try addConsents(participantId, entry.consents) || changed
        changed = try joinPanel(participantId) || changed
        return changed ? .updated : .unchanged
    }

    func upsertAttributes(_ participantId: Int64, _ attributes: [NamedValue]) throws -> Bool {
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

    /// Adds the consent decisions not yet on record for someone who existed before.
    func addConsents(_ participantId: Int64, _ consents: [ConsentRecord]) throws -> Bool {
        let missing = try consents.filter { consent in
            try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT 1 FROM consent WHERE participantId = ? AND scope = ? AND version = ? AND given = ? AND recordedAt = ?
                """), arguments: [participantId, consent.scope.rawValue, consent.version, consent.given,
                                 StoredDate.text(consent.at)]) == nil
        }
        try insert(missing.map { (participantId, $0) })
        return !missing.isEmpty
    }
}

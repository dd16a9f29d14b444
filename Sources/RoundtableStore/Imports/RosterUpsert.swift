import Foundation
import GRDB
import RoundtableCore

/// Applies roster rows one at a time inside an import transaction, finding people again by
/// (partner, partner's id). Holds no per-row state: uniqueness lives in SQLite, so memory stays
/// flat. Writes go through cached raw statements: this is the hot path of a million-row import.
struct RosterUpsert {
    enum Outcome {
        case new, updated, unchanged, forgotten, duplicate
    }

    let db: Database
    let partner: String
    let batchId: Int64
    let panelId: Int64?
    let now: String
    /// Whether this partner has sent no one before: then every row is new (or a duplicate within
    /// the file, which the reference's primary key catches), and no row needs looking up first.
    let partnerIsNew: Bool
    private let insertParticipant: BulkStatement
    private let insertReference: BulkStatement
    private let insertAttributes: MultiRowInsert
    private let insertConsents: MultiRowInsert

    init(db: Database, partner: String, batchId: Int64, panelId: Int64?, now: Date) throws {
        self.db = db
        self.partner = partner
        self.batchId = batchId
        self.panelId = panelId
        self.now = StoredDate.text(now)
        partnerIsNew = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM externalReference WHERE partner = ?)",
                                         arguments: [partner]) ?? false
        insertParticipant = try BulkStatement(db, """
            INSERT INTO participant (displayName, nameSearch, email, phone, locale, timeZone, doNotContact, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertReference = try BulkStatement(db, """
            INSERT OR IGNORE INTO externalReference (partner, externalId, participantId, importBatchId) VALUES (?, ?, ?, ?)
            """)
        insertAttributes = MultiRowInsert(db, into: "participantAttribute", columns: ["participantId", "name", "value"])
        insertConsents = MultiRowInsert(db, into: "consent", columns: ["participantId", "scope", "version", "given", "recordedAt"])
    }

    func apply(_ entry: RosterEntry) throws -> Outcome {
        if partnerIsNew { return try insert(entry) ? .new : .duplicate }
        let reference = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT participantId, importBatchId FROM externalReference WHERE partner = ? AND externalId = ?"),
            arguments: [partner, entry.externalId])
        guard let reference else {
            return try insert(entry) ? .new : .duplicate
        }
        if reference["importBatchId"] == batchId { return .duplicate }
        let participantId: Int64 = reference["participantId"]
        try db.cachedStatement(sql: "UPDATE externalReference SET importBatchId = ? WHERE partner = ? AND externalId = ?")
            .execute(arguments: [batchId, partner, entry.externalId])
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

    /// Inserts a new person; false (and nothing kept) when the partner's id already came earlier in the file.
    private func insert(_ entry: RosterEntry) throws -> Bool {
        let person = insertParticipant
        person.bind(entry.name)
        person.bind(UnicodeText.searchKey(entry.name))
        person.bind(entry.email)
        person.bind(entry.phone)
        person.bind(entry.locale)
        person.bind(entry.timeZone)
        person.bind(entry.doNotContact)
        person.bind(now)
        try person.run()
        let id = db.lastInsertedRowID
        let reference = insertReference
        reference.bind(partner)
        reference.bind(entry.externalId)
        reference.bind(id)
        reference.bind(batchId)
        try reference.run()
        guard db.changesCount == 1 else {
            try db.cachedStatement(sql: "DELETE FROM participant WHERE id = ?").execute(arguments: [id])
            return false
        }
        try insertAttributes.insert(entry.attributes) { statement, pair in
            statement.bind(id)
            statement.bind(pair.name)
            statement.bind(pair.value)
        }
        try insert(entry.consents, for: id)
        _ = try joinPanel(id, known: false)
        return true
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

    /// Adds the consent decisions not yet on record for someone who existed before.
    private func addConsents(_ participantId: Int64, _ consents: [ConsentRecord]) throws -> Bool {
        let missing = try consents.filter { consent in
            try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT 1 FROM consent WHERE participantId = ? AND scope = ? AND version = ? AND given = ? AND recordedAt = ?
                """), arguments: [participantId, consent.scope.rawValue, consent.version, consent.given,
                                 StoredDate.text(consent.at)]) == nil
        }
        try insert(missing, for: participantId)
        return !missing.isEmpty
    }

    private func insert(_ consents: [ConsentRecord], for participantId: Int64) throws {
        try insertConsents.insert(consents) { statement, consent in
            statement.bind(participantId)
            statement.bind(consent.scope.rawValue)
            statement.bind(consent.version)
            statement.bind(consent.given)
            statement.bind(StoredDate.text(consent.at))
        }
    }

    private func joinPanel(_ participantId: Int64, known: Bool = true) throws -> Bool {
        guard let panelId else { return false }
        let status = known ? try String.fetchOne(
            db.cachedStatement(sql: "SELECT status FROM membership WHERE panelId = ? AND participantId = ?"),
            arguments: [panelId, participantId]) : nil
        if status == MembershipStatus.active.rawValue { return false }
        if status == nil {
            try db.cachedStatement(sql: """
                INSERT INTO membership (panelId, participantId, role, joinedAt, status) VALUES (?, ?, 'member', ?, 'active')
                """).execute(arguments: [panelId, participantId, now])
        } else {
            try db.cachedStatement(sql: "UPDATE membership SET status = 'active', leftAt = NULL, joinedAt = ? WHERE panelId = ? AND participantId = ?")
                .execute(arguments: [now, panelId, participantId])
        }
        return true
    }
}

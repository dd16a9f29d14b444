import Foundation
import GRDB
import RoundtableCore

/// Applies roster rows inside an import transaction, finding people again by (partner, partner's
/// id). Uniqueness lives in SQLite, so memory stays flat. Writes go through prepared raw
/// statements: this is the hot path of a million-row import. People from a partner who has sent
/// no one before are written in batches of `batchSize`, each table with one statement a batch,
/// and their partner ids in sorted runs (`ReferenceRuns`).
final class RosterUpsert {
    enum Outcome {
        case new, updated, unchanged, forgotten, duplicate
    }

    /// Hears what became of a row, named by its line and partner id.
    typealias Report = (_ line: Int, _ externalId: String, _ outcome: Outcome) throws -> Void

    static let batchSize = 64
    static let defaultReferenceRun = 8192

    let db: Database
    let partner: String
    let batchId: Int64
    let panelId: Int64?
    let now: String
    /// Whether this partner has sent no one before: then every row is new (or a duplicate within
    /// the file, which the reference's primary key catches), and no row needs looking up first.
    let partnerIsNew: Bool
    private let insertPeople: MultiRowInsert
    private let insertReferences: MultiRowInsert
    private let insertAttributes: MultiRowInsert
    private let insertConsents: MultiRowInsert
    private var waiting: [RosterEntry] = []
    /// A known partner's rows not yet compared with what is stored.
    var known: [RosterEntry] = []
    let knownPeople: RosterKnownPeople?
    /// A new partner's ids not yet written.
    private var references: ReferenceRuns
    /// Where new people came from, for the e-mail check at the end (nil when no one can match).
    private var emails: EmailDuplicates?

    init(db: Database, partner: String, batchId: Int64, panelId: Int64?, now: Date,
         referenceRun: Int = RosterUpsert.defaultReferenceRun) throws {
        self.db = db
        references = ReferenceRuns(length: referenceRun)
        self.partner = partner
        self.batchId = batchId
        self.panelId = panelId
        self.now = StoredDate.text(now)
        partnerIsNew = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM externalReference WHERE partner = ?)",
                                         arguments: [partner]) ?? false
        emails = try EmailDuplicates(db)
        knownPeople = partnerIsNew ? nil : try RosterKnownPeople(db, partner: partner, panelId: panelId, batchId: batchId)
        insertPeople = MultiRowInsert(db, into: "participant", columns: [
            "displayName", "nameSearch", "email", "phone", "locale", "timeZone", "doNotContact", "createdAt",
        ], maxRows: Self.batchSize)
        insertReferences = MultiRowInsert(db, into: "externalReference", columns: ["partner", "externalId", "participantId", "importBatchId"],
                                          ignoringConflicts: true)
        insertAttributes = MultiRowInsert(db, into: "participantAttribute", columns: ["participantId", "name", "value"])
        insertConsents = MultiRowInsert(db, into: "consent", columns: ["participantId", "scope", "version", "given", "recordedAt"])
        waiting.reserveCapacity(Self.batchSize)
    }

    /// Applies `entry`. `report` hears of it now, or, from a partner who is new, once its partner
    /// id is written (not in file order then); `finish()` writes what is still waiting.
    func apply(_ entry: RosterEntry, report: Report) throws {
        if partnerIsNew {
            waiting.append(entry)
            if waiting.count == Self.batchSize { try insertWaiting(report) }
            return
        }
        known.append(entry)
        if known.count == RosterKnownPeople.capacity { try applyKnown(report) }
    }

    /// Writes the people and partner ids still waiting.
    func finish(report: Report) throws {
        try applyKnown(report)
        try insertWaiting(report)
        try references.drain { try writeStaged($0, report) }
    }

    /// New people whose e-mail an existing participant has; call after `finish`.
    func possibleDuplicates() throws -> [PossibleDuplicate] {
        try emails?.find(db) ?? []
    }

    private func insertWaiting(_ report: Report) throws {
        guard !waiting.isEmpty else { return }
        defer { waiting.removeAll(keepingCapacity: true) }
        let ids = try insertNewPeople(waiting)
        try insertDetails(waiting, ids: ids)
        // By index: a RosterEntry copy retains every one of its strings.
        for index in waiting.indices {
            references.add(.init(externalId: waiting[index].externalId, participantId: ids[index], line: waiting[index].line))
        }
        try references.write(upTo: waiting.count) { try writeStaged($0, report) }
    }

    /// Writes new partners' ids, many a statement. A statement that wrote fewer rows than it was
    /// given met ids that earlier rows took: its rows are looked up, and each one whose id now
    /// names someone else is a duplicate, whose person is taken out again.
    private func writeStaged(_ staged: ArraySlice<ReferenceRuns.Reference>, _ report: Report) throws {
        var start = staged.startIndex
        try insertReferences.insert(staged, bind: bindReference, inserted: { count in
            let rows = staged[start..<(start + count)]
            start += count
            let complete = db.changesCount == count
            for reference in rows {
                let isNew = try complete || owner(of: reference.externalId) == reference.participantId
                if !isNew { try forget(reference.participantId) }
                try report(reference.line, reference.externalId, isNew ? .new : .duplicate)
            }
        })
    }

    /// The person this partner's `externalId` names.
    private func owner(of externalId: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT participantId FROM externalReference WHERE partner = ? AND externalId = ?"),
                           arguments: [partner, externalId])
    }

    /// Records a partner id for the person; false if an earlier row took the id.
    func writeReference(_ reference: ReferenceRuns.Reference) throws -> Bool {
        try insertReferences.insert(CollectionOfOne(reference), bind: bindReference)
        return db.changesCount == 1
    }

    private func bindReference(_ statement: BulkStatement, _ reference: ReferenceRuns.Reference) {
        statement.bind(partner)
        statement.bind(reference.externalId)
        statement.bind(reference.participantId)
        statement.bind(batchId)
    }

    /// Takes out a person this import has just written, with everything written for them (foreign
    /// keys are not enforced during an import, so nothing cascades).
    func forget(_ participantId: Int64) throws {
        for table in ["participantAttribute", "consent", "membership", "participant"] {
            let column = table == "participant" ? "id" : "participantId"
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE \(column) = ?").execute(arguments: [participantId])
        }
    }

    /// Inserts new people; returns their ids, in order.
    func insertNewPeople(_ entries: [RosterEntry]) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(entries.count)
        try insertPeople.insert(entries, bind: { statement, entry in
            statement.bind(entry.name)
            statement.bind(UnicodeText.searchKey(entry.name))
            statement.bind(entry.email)
            statement.bind(entry.phone)
            statement.bind(entry.locale)
            statement.bind(entry.timeZone)
            statement.bind(entry.doNotContact)
            statement.bind(now)
        }, inserted: { count in
            // One statement's rows take consecutive ids in this transaction, ending at the last one.
            let last = db.lastInsertedRowID
            ids.append(contentsOf: (last - Int64(count) + 1)...last)
        })
        if emails != nil {
            for index in entries.indices { emails?.note(ids[index], line: entries[index].line) }
        }
        return ids
    }

    /// Inserts new people's attributes, consents and panel membership.
    func insertDetails(_ entries: [RosterEntry], ids: [Int64]) throws {
        var attributes: [(Int64, NamedValue)] = []
        var consents: [(Int64, ConsentRecord)] = []
        for index in entries.indices {
            for attribute in entries[index].attributes { attributes.append((ids[index], attribute)) }
            for consent in entries[index].consents { consents.append((ids[index], consent)) }
        }
        try insertAttributes.insert(attributes) { statement, pair in
            statement.bind(pair.0)
            statement.bind(pair.1.name)
            statement.bind(pair.1.value)
        }
        try insert(consents)
        for id in ids { _ = try joinPanel(id, known: false) }
    }

    func insert(_ consents: [(Int64, ConsentRecord)]) throws {
        try insertConsents.insert(consents) { statement, pair in
            statement.bind(pair.0)
            statement.bind(pair.1.scope.rawValue)
            statement.bind(pair.1.version)
            statement.bind(pair.1.given)
            statement.bind(StoredDate.text(pair.1.at))
        }
    }

    func joinPanel(_ participantId: Int64, known: Bool = true) throws -> Bool {
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

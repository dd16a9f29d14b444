import Foundation
import GRDB
import GRDBSQLite
import RoundtableCore

/// What is stored for a batch of a known partner's ids, read in a handful of set-based queries
/// through SQLite's C API, so a re-import can tell an unchanged row without a query of its own.
///
/// A monthly re-import mostly re-sends people as they are: looking each one up with GRDB (the
/// reference, the person as a record, then one query per attribute and per consent) took four
/// fifths of the import. The batch's ids are looked up in one statement (SQLite sorts the IN list,
/// so each B-tree is walked once, front to back), and so are the people, attributes, consents and
/// memberships. `isUnchanged` answers exactly what the row-by-row comparison answered.
final class RosterKnownPeople {
    /// A stored partner id.
    struct Reference {
        var participantId: Int64
        var importBatchId: Int64?
    }

    /// A person as stored, with what the comparison needs.
    struct Person {
        var displayName: String
        var nameSearch: String
        var email: String?
        var phone: String?
        var locale: String?
        var timeZone: String?
        var doNotContact: Bool
        var isErased: Bool
        var attributes: [(name: String, value: String)] = []
        var consents: [(scope: String, version: String, given: Bool, recordedAt: String)] = []
        var isActiveMember = false
    }

    /// Ids a statement takes at most; a batch of more is looked up in parts.
    static let capacity = 256

    private let partner: String
    private let panelId: Int64?
    private let references: RawQuery
    private let people: RawQuery
    private let attributes: RawQuery
    private let consents: RawQuery
    private let memberships: RawQuery?
    private let touch: RawQuery
    private(set) var found: [String: Reference] = [:]
    private(set) var stored: [Int64: Person] = [:]

    init(_ db: Database, partner: String, panelId: Int64?, batchId: Int64) throws {
        self.partner = partner
        self.panelId = panelId
        let list = "(" + Array(repeating: "?", count: Self.capacity).joined(separator: ", ") + ")"
        references = try RawQuery(db, "SELECT externalId, participantId, importBatchId FROM externalReference WHERE partner = ? AND externalId IN \(list)")
        people = try RawQuery(db, """
            SELECT id, displayName, nameSearch, email, phone, locale, timeZone, doNotContact, erasedAt IS NOT NULL
            FROM participant WHERE id IN \(list)
            """)
        attributes = try RawQuery(db, "SELECT participantId, name, value FROM participantAttribute WHERE participantId IN \(list)")
        consents = try RawQuery(db, "SELECT participantId, scope, version, given, recordedAt FROM consent WHERE participantId IN \(list)")
        memberships = try panelId.map { _ in
            try RawQuery(db, "SELECT participantId FROM membership WHERE panelId = ? AND status = 'active' AND participantId IN \(list)")
        }
        touch = try RawQuery(db, "UPDATE externalReference SET importBatchId = ? WHERE partner = ? AND externalId IN \(list)")
        touch.fixed = [.integer(batchId), .text(partner)]
    }

    /// Reads what is stored for `externalIds` (and their people), replacing the batch before.
    func load(_ externalIds: [String]) throws {
        found.removeAll(keepingCapacity: true)
        stored.removeAll(keepingCapacity: true)
        references.fixed = [.text(partner)]
        try references.run(externalIds.map(RawQuery.Value.text)) { row in
            found[row.text(0)] = Reference(participantId: row.int64(1), importBatchId: row.isNull(2) ? nil : row.int64(2))
        }
        let ids = found.values.map { RawQuery.Value.integer($0.participantId) }
        try people.run(ids) { row in
            stored[row.int64(0)] = Person(
                displayName: row.text(1), nameSearch: row.text(2), email: row.optionalText(3), phone: row.optionalText(4),
                locale: row.optionalText(5), timeZone: row.optionalText(6), doNotContact: row.int64(7) != 0,
                isErased: row.int64(8) != 0)
        }
        try attributes.run(ids) { row in
            stored[row.int64(0)]?.attributes.append((row.text(1), row.text(2)))
        }
        try consents.run(ids) { row in
            stored[row.int64(0)]?.consents.append((row.text(1), row.text(2), row.int64(3) != 0, row.text(4)))
        }
        if let memberships, let panelId {
            memberships.fixed = [.integer(panelId)]
            try memberships.run(ids) { row in stored[row.int64(0)]?.isActiveMember = true }
        }
    }

    /// Marks these partner ids as sent by this import.
    func markSent(_ externalIds: [String]) throws {
        try touch.run(externalIds.map(RawQuery.Value.text)) { _ in }
    }

    /// Whether applying `entry` to `person` would change nothing: the same answer as comparing the
    /// renamed record, then each attribute's value, each consent and the panel membership in SQL.
    func isUnchanged(_ person: Person, _ entry: RosterEntry) -> Bool {
        guard person.email == entry.email, person.phone == entry.phone, person.locale == entry.locale,
              person.timeZone == entry.timeZone, person.doNotContact == entry.doNotContact,
              person.displayName == UnicodeText.composed(entry.name),
              person.nameSearch == UnicodeText.searchKey(entry.name)
        else { return false }
        if panelId != nil, !person.isActiveMember { return false }
        for attribute in entry.attributes {
            // SQL compares names byte by byte; the old comparison of values was Swift's.
            guard let stored = person.attributes.first(where: { $0.name.utf8.elementsEqual(attribute.name.utf8) }),
                  stored.value == attribute.value
            else { return false }
        }
        for consent in entry.consents {
            let at = StoredDate.text(consent.at)
            guard person.consents.contains(where: {
                $0.given == consent.given && $0.scope.utf8.elementsEqual(consent.scope.rawValue.utf8)
                    && $0.version.utf8.elementsEqual(consent.version.utf8) && $0.recordedAt.utf8.elementsEqual(at.utf8)
            }) else { return false }
        }
        return true
    }
}

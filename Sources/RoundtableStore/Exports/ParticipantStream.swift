import Foundation
import GRDB
import RoundtableCore

/// Walks participants with their attributes, consents, partner references and memberships by
/// merging cursors that are all ordered by participant id: one pass, flat memory, any size.
struct ParticipantStream {
    /// Restricts the walk to current members of one panel.
    var panelId: Int64?
    /// Leaves out forgotten participants (roster exports do; backups keep them).
    var includeForgotten: Bool

    /// `WHERE …` limiting rows whose participant id is in `column` to the people this walk covers.
    private func whereClause(_ column: String, includeErased: Bool = true) -> String {
        var conditions: [String] = []
        if let panelId {
            conditions.append("\(column) IN (SELECT participantId FROM membership WHERE panelId = \(panelId) AND status <> 'alumni')")
        }
        if !includeErased { conditions.append("erasedAt IS NULL") }
        return conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    func forEach(_ db: Database, _ body: (ParticipantRecord) throws -> Void) throws {
        // Read through SQLite's C API: GRDB's Row decoding costs more than the queries at this volume.
        let people = try RawRows(db, sql: """
            SELECT id, displayName, email, phone, locale, timeZone, doNotContact, erasedAt, createdAt, nameSearch
            FROM participant \(whereClause("id", includeErased: includeForgotten)) ORDER BY id
            """)
        var attributes = try RowMerge(RawRows(db, sql: """
            SELECT participantId, name, value FROM participantAttribute \(whereClause("participantId"))
            ORDER BY participantId, name
            """)) { NamedValue(name: $0.text(1), value: $0.text(2)) }
        var consents = try RowMerge(RawRows(db, sql: """
            SELECT participantId, scope, version, given, recordedAt FROM consent \(whereClause("participantId"))
            ORDER BY participantId, id
            """)) { ConsentRecord(scope: ConsentScope(rawValue: $0.text(1)) ?? .contact, version: $0.text(2), given: $0.bool(3),
                                  at: $0.date(4)) }
        var references = try RowMerge(RawRows(db, sql: """
            SELECT participantId, partner, externalId, importBatchId FROM externalReference \(whereClause("participantId"))
            ORDER BY participantId, partner, externalId
            """)) { ExternalReference(participantId: $0.int64(0), partner: $0.text(1), externalId: $0.text(2),
                                      importBatchId: $0.isNull(3) ? nil : $0.int64(3)) }
        var memberships = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT membership.participantId, panel.key, membership.* FROM membership JOIN panel ON panel.id = membership.panelId
            \(whereClause("membership.participantId")) ORDER BY membership.participantId, panel.key
            """)) { (panel: $0[1] as String, membership: try Membership(row: $0)) }
        while try people.next() {
            let id = people.int64(0)
            let participant = Participant(stored: id, displayName: people.text(1), nameSearch: people.text(9),
                                          email: people.optionalText(2), phone: people.optionalText(3),
                                          locale: people.optionalText(4), timeZone: people.optionalText(5),
                                          doNotContact: people.bool(6), erasedAt: people.optionalDate(7),
                                          createdAt: people.date(8))
            try body(ParticipantRecord(participant: participant, attributes: try attributes.values(for: id),
                                       consents: try consents.values(for: id), externalReferences: try references.values(for: id),
                                       memberships: try memberships.values(for: id)))
        }
    }
}

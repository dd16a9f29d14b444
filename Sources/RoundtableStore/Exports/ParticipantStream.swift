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
        // Rows are decoded by position: Codable decoding costs more than the query at this volume.
        let people = try Row.fetchCursor(db, sql: """
            SELECT id, displayName, email, phone, locale, timeZone, doNotContact, erasedAt, createdAt, nameSearch
            FROM participant \(whereClause("id", includeErased: includeForgotten)) ORDER BY id
            """)
        var attributes = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT participantId, name, value FROM participantAttribute \(whereClause("participantId"))
            ORDER BY participantId, name
            """)) { NamedValue(name: $0[1], value: $0[2]) }
        var consents = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT participantId, scope, version, given, recordedAt FROM consent \(whereClause("participantId"))
            ORDER BY participantId, id
            """)) { ConsentRecord(scope: ConsentScope(rawValue: $0[1]) ?? .contact, version: $0[2], given: $0[3], at: $0[4]) }
        var references = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT participantId, partner, externalId, importBatchId FROM externalReference \(whereClause("participantId"))
            ORDER BY participantId, partner, externalId
            """)) { ExternalReference(participantId: $0[0], partner: $0[1], externalId: $0[2], importBatchId: $0[3]) }
        var memberships = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT membership.participantId, panel.key, membership.* FROM membership JOIN panel ON panel.id = membership.panelId
            \(whereClause("membership.participantId")) ORDER BY membership.participantId, panel.key
            """)) { (panel: $0[1] as String, membership: try Membership(row: $0)) }
        while let row = try people.next() {
            let id: Int64 = row[0]
            let participant = Participant(stored: id, displayName: row[1], nameSearch: row[9], email: row[2], phone: row[3],
                                          locale: row[4], timeZone: row[5], doNotContact: row[6], erasedAt: row[7],
                                          createdAt: row[8])
            try body(ParticipantRecord(participant: participant, attributes: try attributes.values(for: id),
                                       consents: try consents.values(for: id), externalReferences: try references.values(for: id),
                                       memberships: try memberships.values(for: id)))
        }
    }
}

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
        let people = try Participant.fetchCursor(db, sql: """
            SELECT * FROM participant \(whereClause("id", includeErased: includeForgotten)) ORDER BY id
            """)
        var attributes = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT * FROM participantAttribute \(whereClause("participantId")) ORDER BY participantId, name
            """), orderedBy: "participantId")
        var consents = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT * FROM consent \(whereClause("participantId")) ORDER BY participantId, id
            """), orderedBy: "participantId")
        var references = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT * FROM externalReference \(whereClause("participantId")) ORDER BY participantId, partner, externalId
            """), orderedBy: "participantId")
        var memberships = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT panel.key AS panelKey, membership.* FROM membership JOIN panel ON panel.id = membership.panelId
            \(whereClause("membership.participantId")) ORDER BY membership.participantId, panel.key
            """), orderedBy: "participantId")
        while let participant = try people.next() {
            let id = participant.id!
            var record = ParticipantRecord(participant: participant)
            record.attributes = try attributes.rows(for: id).map { NamedValue(name: $0["name"], value: $0["value"]) }
            record.consents = try consents.rows(for: id).map { row in
                ConsentRecord(scope: ConsentScope(rawValue: row["scope"]) ?? .contact, version: row["version"],
                              given: row["given"], at: row["recordedAt"])
            }
            record.externalReferences = try references.rows(for: id).map { try ExternalReference(row: $0) }
            record.memberships = try memberships.rows(for: id).map { (panel: $0["panelKey"], membership: try Membership(row: $0)) }
            try body(record)
        }
    }
}

import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Feeds the whole workspace to `sink` in one read transaction, every section in key order,
    /// so the same workspace always gives the same backup.
    public func exportWorkspace(to sink: some WorkspaceSink) throws {
        try read { db in
            try section(.moderators, sink) {
                let cursor = try Moderator.order(Column("id")).fetchCursor(db)
                while let moderator = try cursor.next() { try sink.moderator(moderator) }
            }
            try section(.panels, sink) {
                let cursor = try Panel.order(Column("id")).fetchCursor(db)
                while let panel = try cursor.next() { try sink.panel(panel) }
            }
            try section(.importBatches, sink) {
                let cursor = try ImportBatch.order(Column("id")).fetchCursor(db)
                while let batch = try cursor.next() { try sink.importBatch(batch) }
            }
            try section(.participants, sink) {
                try ParticipantStream(panelId: nil, includeForgotten: true).forEach(db) { try sink.participant($0) }
            }
            try section(.sessions, sink) { try SessionStream.forEach(db) { try sink.session($0) } }
            try section(.auditLog, sink) {
                let cursor = try AuditEntry.order(Column("id")).fetchCursor(db)
                while let entry = try cursor.next() { try sink.auditEntry(entry) }
            }
        }
    }

    private func section(_ section: WorkspaceSection, _ sink: some WorkspaceSink, _ body: () throws -> Void) throws {
        try sink.begin(section)
        try body()
        try sink.end(section)
    }
}

/// Walks sessions with their moderators and seats by merging cursors ordered by session id.
enum SessionStream {
    static func forEach(_ db: Database, _ body: (SessionRecord) throws -> Void) throws {
        let sessions = try Row.fetchCursor(db, sql: """
            SELECT panel.key AS panelKey, session.* FROM session LEFT JOIN panel ON panel.id = session.panelId
            ORDER BY session.id
            """)
        var moderators = try RowMerge(Row.fetchCursor(db, sql: "SELECT * FROM sessionModerator ORDER BY sessionId, moderatorId"),
                                     orderedBy: "sessionId")
        var seats = try RowMerge(Row.fetchCursor(db, sql: "SELECT * FROM seat ORDER BY sessionId, participantId"),
                                 orderedBy: "sessionId")
        while let row = try sessions.next() {
            let session = try Session(row: row)
            let id = session.id!
            let moderatorKeys = try moderators.rows(for: id).map { EntityKey(.moderator, id: $0["moderatorId"]) }
            let seatList = try seats.rows(for: id).map { row in
                (participant: EntityKey(.participant, id: row["participantId"]), seat: try Seat(row: row))
            }
            try body(SessionRecord(session: session, panelKey: row["panelKey"], moderators: moderatorKeys, seats: seatList))
        }
    }
}

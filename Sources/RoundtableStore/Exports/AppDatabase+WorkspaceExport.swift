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
            for research in ResearchStream.sections {
                try section(research, sink) { try ResearchStream.forEach(research, db, sink) }
            }
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
        var moderators = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT sessionId, moderatorId FROM sessionModerator ORDER BY sessionId, moderatorId
            """)) { EntityKey(.moderator, id: $0[1]) }
        var seats = try RowMerge(Row.fetchCursor(db, sql: """
            SELECT sessionId, * FROM seat ORDER BY sessionId, participantId
            """)) { row in (participant: EntityKey(.participant, id: row["participantId"]), seat: try Seat(row: row)) }
        while let row = try sessions.next() {
            let session = try Session(row: row)
            let id = session.id!
            try body(SessionRecord(session: session, panelKey: row["panelKey"], moderators: try moderators.values(for: id),
                                   seats: try seats.values(for: id)))
        }
    }
}

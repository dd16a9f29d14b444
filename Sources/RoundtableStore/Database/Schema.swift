import GRDB

/// The workspace schema. Shipped migrations are never edited: add a new one instead.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 people, panels and sessions", migrate: createV1)
        migrator.registerMigration("v2 import batches and partner references", migrate: createV2)
        migrator.registerMigration("v3 concepts, transcripts, codebook and feedback", migrate: createV3)
        migrator.registerMigration("v4 REFI-QDA identities", migrate: createV4)
        migrator.registerMigration("v5 transcript sources and coding batches", migrate: createV5)
        migrator.registerMigration("v6 participant search index", migrate: createV6ParticipantSearch)
        return migrator
    }

    /// The workspace version this program writes and reads up to: how many migrations it knows.
    /// Stamped as `PRAGMA user_version`, so an older Roundtable can tell the file is newer.
    static var version: Int { migrator.migrations.count }

    /// Marks a migrated workspace as Roundtable's (`application_id`) at this `version`, unless it is already.
    static func stamp(_ writer: any DatabaseWriter) throws {
        let (application, stamped) = try writer.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
        }
        guard application != WorkspaceIdentity.applicationID || stamped != version else { return }
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(WorkspaceIdentity.applicationID); PRAGMA user_version = \(version)")
        }
    }

    private static func createV1(_ db: Database) throws {
        try db.create(table: "moderator") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("email", .text).notNull().unique(onConflict: .abort).collate(.nocase)
            t.column("timeZone", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "panel") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("key", .text).notNull().unique()
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull().check(sql: "kind IN ('advisory-board', 'pool')")
            t.column("description", .text)
            t.column("archivedAt", .datetime)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "participant") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("displayName", .text).notNull()
            // No index on nameSearch or email: search is by substring (LIKE '%…%'), which no
            // B-tree index serves, and each index would cost every bulk import a random-order insert.
            t.column("nameSearch", .text).notNull()
            t.column("email", .text)
            t.column("phone", .text)
            t.column("locale", .text)
            t.column("timeZone", .text)
            t.column("doNotContact", .boolean).notNull().defaults(to: false)
            t.column("erasedAt", .datetime)
            t.column("createdAt", .datetime).notNull()
        }
        // Clustered on its key: a bulk import writes one B-tree per attribute instead of two.
        try db.create(table: "participantAttribute", options: [.withoutRowID]) { t in
            t.column("participantId", .integer).notNull().references("participant", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("value", .text).notNull()
            t.primaryKey(["participantId", "name"])
        }
        try db.create(table: "membership") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("panelId", .integer).notNull().references("panel")
            t.column("participantId", .integer).notNull().references("participant").indexed()
            t.column("role", .text).notNull()
            t.column("joinedAt", .datetime).notNull()
            t.column("termEnd", .text)
            t.column("status", .text).notNull().check(sql: "status IN ('active', 'paused', 'alumni')")
            t.column("leftAt", .datetime)
            t.column("ndaSignedAt", .datetime)
            t.uniqueKey(["panelId", "participantId"])
        }
        try db.create(table: "consent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("participantId", .integer).notNull().references("participant")
            t.column("scope", .text).notNull()
                .check(sql: "scope IN ('contact', 'recording', 'transcript', 'quotes')")
            t.column("version", .text).notNull()
            t.column("given", .boolean).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(index: "consent_latest", on: "consent", columns: ["participantId", "scope", "id"])
        try db.create(table: "session") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("panelId", .integer).references("panel").indexed()
            t.column("title", .text).notNull()
            t.column("kind", .text).notNull()
                .check(sql: "kind IN ('focus-group', 'advisory-meeting', 'interview')")
            t.column("startsAt", .datetime).notNull().indexed()
            t.column("endsAt", .datetime).notNull()
            t.column("timeZone", .text).notNull()
            t.column("durationMinutes", .integer).notNull().check(sql: "durationMinutes > 0")
            t.column("channel", .text).notNull().check(sql: "channel IN ('in-person', 'video', 'phone')")
            t.column("room", .text)
            t.column("roomKey", .text)
            t.column("capacity", .integer).notNull().check(sql: "capacity > 0")
            t.column("reserve", .integer).notNull().check(sql: "reserve >= 0")
            t.column("status", .text).notNull()
                .check(sql: "status IN ('draft', 'scheduled', 'in-progress', 'completed', 'cancelled')")
            t.column("cancelReason", .text)
            t.column("revision", .integer).notNull().defaults(to: 0)
            t.column("createdAt", .datetime).notNull()
            t.check(sql: "endsAt > startsAt")
            t.check(sql: "status <> 'cancelled' OR cancelReason IS NOT NULL")
        }
        try db.create(index: "session_room_start", on: "session", columns: ["roomKey", "startsAt"])
        try db.create(table: "sessionModerator") { t in
            t.column("sessionId", .integer).notNull().references("session", onDelete: .cascade)
            t.column("moderatorId", .integer).notNull().references("moderator").indexed()
            t.primaryKey(["sessionId", "moderatorId"])
        }
        try db.create(table: "seat") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sessionId", .integer).notNull().references("session", onDelete: .cascade)
            t.column("participantId", .integer).notNull().references("participant").indexed()
            t.column("status", .text).notNull()
                .check(sql: "status IN ('invited', 'confirmed', 'declined', 'attended', 'no-show')")
            t.column("invitedAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["sessionId", "participantId"])
        }
        try db.create(table: "auditEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .datetime).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("subject", .text).notNull().indexed()
            t.column("detail", .text).notNull()
        }
        // The audit log is append-only: the database itself refuses edits and deletions.
        try db.execute(sql: """
            CREATE TRIGGER auditEntry_no_update BEFORE UPDATE ON auditEntry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER auditEntry_no_delete BEFORE DELETE ON auditEntry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """)
    }

    private static func createV2(_ db: Database) throws {
        try db.create(table: "importBatch") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("partner", .text).notNull()
            t.column("fileName", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("importedAt", .datetime).notNull()
            t.column("newCount", .integer).notNull()
            t.column("updatedCount", .integer).notNull()
            t.column("unchangedCount", .integer).notNull()
            t.column("rejectedCount", .integer).notNull()
        }
        // Kept when a participant is forgotten, so a partner re-sending the person cannot re-identify them.
        try db.create(table: "externalReference", options: [.withoutRowID]) { t in
            t.column("partner", .text).notNull()
            t.column("externalId", .text).notNull()
            t.column("participantId", .integer).notNull().references("participant", onDelete: .cascade)
            t.column("importBatchId", .integer).references("importBatch")
            t.primaryKey(["partner", "externalId"])
        }
        // Covers the per-participant walk of exports, so it never looks rows up by key.
        try db.create(index: "externalReference_participant", on: "externalReference",
                      columns: ["participantId", "partner", "externalId", "importBatchId"])
    }
}

import GRDB

extension Schema {
    /// Stored REFI-QDA GUIDs for what has no `guid` column of its own (sessions, participants,
    /// moderators, coders, turns, variables), so every export names the same thing the same way.
    static func createV4(_ db: Database) throws {
        try db.create(table: "refiIdentity", options: [.withoutRowID]) { t in
            t.column("kind", .text).notNull()
            t.column("key", .text).notNull()
            t.column("guid", .text).notNull().unique()
            t.primaryKey(["kind", "key"])
        }
    }
}

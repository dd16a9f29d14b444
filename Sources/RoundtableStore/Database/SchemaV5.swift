import GRDB

extension Schema {
    /// Where each session's transcript came from (so a re-import of the same file is recognised),
    /// and coding batches (codings made by one search, taken back together).
    static func createV5(_ db: Database) throws {
        try db.create(table: "transcriptSource") { t in
            t.primaryKey("sessionId", .integer).references("session", onDelete: .cascade)
            t.column("fileName", .text).notNull()
            t.column("format", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("importedAt", .datetime).notNull()
            t.column("cues", .integer).notNull().check(sql: "cues >= 0")
        }
        try db.create(table: "codingBatch") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("codeId", .integer).notNull().references("code", onDelete: .cascade).indexed()
            t.column("query", .text).notNull()
            // How the query was narrowed (session, speaker, whole utterances), as the user gave it.
            t.column("scope", .text).notNull()
            t.column("coder", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        // A batch taken back deletes its codings; a coding outliving its batch row keeps a NULL.
        try db.alter(table: "coding") { t in
            t.add(column: "batchId", .integer).references("codingBatch", onDelete: .setNull)
        }
        try db.create(index: "coding_on_batchId", on: "coding", columns: ["batchId"])
    }
}

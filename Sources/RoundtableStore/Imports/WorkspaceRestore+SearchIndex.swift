import Foundation
import GRDB
import RoundtableCore

/// Utterances in bulk: one prepared insert, and the transcript search index and the table's
/// secondary indexes built in one pass each after the section instead of row by row.
extension WorkspaceRestore {
    /// The utterance insert, prepared once for the whole section.
    func utteranceStatement() throws -> BulkStatement {
        if let statement = utteranceInsert { return statement }
        let statement = try BulkStatement(db, """
            INSERT INTO utterance (id, sessionId, sequence, participantId, moderatorId, speakerLabel, startMs, endMs, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        utteranceInsert = statement
        return statement
    }

    /// Drops the `utterance_search_*` triggers and the table's non-unique indexes, keeping their SQL
    /// as the schema has it, while the utterance table and its search index are still empty, so
    /// both can later be built from the whole table. The drops are part of the restore's
    /// transaction: a failed restore undoes them.
    func setSearchTriggersAside() throws {
        guard searchTriggers == nil,
              try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM utterance) AND NOT EXISTS (SELECT 1 FROM utteranceSearch)")
                ?? false
        else { return }
        let triggers = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'trigger' AND tbl_name = 'utterance' AND name LIKE 'utterance\\_search\\_%' ESCAPE '\\'
            ORDER BY name
            """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        for trigger in triggers {
            try db.execute(sql: "DROP TRIGGER \(trigger.name.quotedDatabaseIdentifier)")
        }
        searchTriggers = triggers
        // The non-unique indexes too (a UNIQUE constraint's own index has no SQL and stays): SQLite
        // then sorts each once at the end instead of moving through its B-tree for every row.
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND tbl_name = 'utterance' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
            ORDER BY name
            """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        for index in indexes {
            try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)")
        }
        setAsideIndexes = indexes
    }

    /// Indexes every utterance as the insert trigger would have (`roundtable_fold` of its text,
    /// under its id), then puts the triggers and indexes back from the SQL read before.
    func indexUtterancesAndRestoreTriggers() throws {
        guard let triggers = searchTriggers else { return }
        try db.execute(sql: "INSERT INTO utteranceSearch (rowid, text) SELECT id, roundtable_fold(text) FROM utterance ORDER BY id")
        for trigger in triggers {
            try db.execute(sql: trigger.sql)
        }
        searchTriggers = nil
        for index in setAsideIndexes {
            try db.execute(sql: index.sql)
        }
        setAsideIndexes = []
    }
}

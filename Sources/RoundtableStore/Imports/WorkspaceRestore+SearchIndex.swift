import Foundation
import GRDB
import RoundtableCore

/// Utterances in bulk: one prepared insert, and the transcript search index filled in one pass
/// after the section instead of by its insert trigger row by row.
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

    /// Drops the `utterance_search_*` triggers, keeping their SQL as the schema has it, while the
    /// utterance table and its index are still empty, so the index can later be built from the
    /// whole table. The drop is part of the restore's transaction: a failed restore undoes it.
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
    }

    /// Indexes every utterance as the insert trigger would have (`roundtable_fold` of its text,
    /// under its id), then puts the triggers back from the SQL read before.
    func indexUtterancesAndRestoreTriggers() throws {
        guard let triggers = searchTriggers else { return }
        try db.execute(sql: "INSERT INTO utteranceSearch (rowid, text) SELECT id, roundtable_fold(text) FROM utterance ORDER BY id")
        for trigger in triggers {
            try db.execute(sql: trigger.sql)
        }
        searchTriggers = nil
    }
}

import Foundation
import GRDB

/// The transcript search index filled once at the end of a bulk import instead of by its insert
/// trigger row by row: the `utterance_search_*` triggers are set aside (their SQL kept as the
/// schema has it) and put back after the new utterances are indexed, which `index` may also do
/// on the way, so the work is spread over the import. All steps belong to the
/// import's transaction, so a failed import undoes them. While the triggers are aside the import
/// may only add utterances: no update or delete of one.
struct DeferredSearchIndex {
    private let triggers: [(name: String, sql: String)]
    /// The highest utterance id indexed; ids only grow (AUTOINCREMENT).
    private var indexedUpTo: Int64

    /// Sets the triggers aside.
    init(_ db: Database) throws {
        indexedUpTo = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'utterance'") ?? 0
        triggers = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'trigger' AND tbl_name = 'utterance' AND name LIKE 'utterance\\_search\\_%' ESCAPE '\\'
            ORDER BY name
            """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        for trigger in triggers {
            try db.execute(sql: "DROP TRIGGER \(trigger.name.quotedDatabaseIdentifier)")
        }
    }

    /// Indexes the utterances added since `init` or the last `index` as the insert trigger would
    /// have: `roundtable_fold` of the text, under the utterance's id.
    mutating func index(_ db: Database) throws {
        let last = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'utterance'") ?? 0
        guard last > indexedUpTo else { return }
        try db.execute(sql: """
            INSERT INTO utteranceSearch (rowid, text)
            SELECT id, roundtable_fold(text) FROM utterance WHERE id > ? AND id <= ? ORDER BY id
            """, arguments: [indexedUpTo, last])
        indexedUpTo = last
    }

    /// Indexes what is left and puts the triggers back.
    mutating func finish(_ db: Database) throws {
        try index(db)
        for trigger in triggers {
            try db.execute(sql: trigger.sql)
        }
    }
}

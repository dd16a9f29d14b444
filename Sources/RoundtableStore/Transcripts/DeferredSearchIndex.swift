import Foundation
import GRDB

/// The transcript search index filled in bulk during an import instead of by its insert trigger
/// row by row: the `utterance_search_*` triggers are set aside (their SQL kept as the schema has
/// it) and put back after the new utterances are indexed, which `index` may also do on the way,
/// so the work is spread over the import. All steps belong to the import's transaction, so a
/// failed import undoes them. While the triggers are aside the import may only add utterances:
/// no update or delete of one.
struct DeferredSearchIndex {
    private let triggers: [(name: String, sql: String)]
    /// The highest utterance id indexed: `index` takes the ids above it.
    private var indexedUpTo: Int64
    /// The prepared index insert of `add`, made on first use.
    private var addition: BulkStatement?

    /// Sets the triggers aside.
    init(_ db: Database) throws {
        indexedUpTo = try Self.highestId(db)
        triggers = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'trigger' AND tbl_name = 'utterance' AND name LIKE 'utterance\\_search\\_%' ESCAPE '\\'
            ORDER BY name
            """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        for trigger in triggers {
            try db.execute(sql: "DROP TRIGGER \(trigger.name.quotedDatabaseIdentifier)")
        }
        // FTS5 merges its segments four at a time by default; sixteen at a time, a bulk fill
        // rewrites each posting fewer times (a million turns: 3.3 → 2.9 s).
        try Self.mergeSegments(db, by: 16)
    }

    /// Indexes the utterances added since `init` or the last `index` as the insert trigger would
    /// have: `roundtable_fold` of the text, under the utterance's id.
    mutating func index(_ db: Database) throws {
        let last = try Self.highestId(db)
        guard last > indexedUpTo else { return }
        try db.execute(sql: """
            INSERT INTO utteranceSearch (rowid, text)
            SELECT id, roundtable_fold(text) FROM utterance WHERE id > ? AND id <= ? ORDER BY id
            """, arguments: [indexedUpTo, last])
        indexedUpTo = last
    }

    /// Indexes the utterance just added as `id`, whose search form (`UnicodeText.searchKey` of its
    /// text, what the trigger's `roundtable_fold` gives) is `searchText`, through one prepared
    /// statement. Spread over an import, the work keeps pace with the rows instead of stalling
    /// them for a fill; ids may come in any order.
    mutating func add(_ db: Database, id: Int64, searchText: String) throws {
        if addition == nil {
            addition = try BulkStatement(db, "INSERT INTO utteranceSearch (rowid, text) VALUES (?, ?)")
        }
        addition!.bind(id)
        addition!.bind(searchText)
        try addition!.run()
        indexedUpTo = max(indexedUpTo, id)
    }

    /// Indexes what is left and puts the triggers back.
    mutating func finish(_ db: Database) throws {
        try index(db)
        try Self.mergeSegments(db, by: 4)
        for trigger in triggers {
            try db.execute(sql: trigger.sql)
        }
    }

    private static func mergeSegments(_ db: Database, by count: Int) throws {
        try db.execute(sql: "INSERT INTO utteranceSearch (utteranceSearch, rank) VALUES ('automerge', ?)", arguments: [count])
    }

    /// The highest utterance id ever given (AUTOINCREMENT keeps it, an explicit id raises it).
    private static func highestId(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'utterance'") ?? 0
    }
}

import GRDB

extension Schema {
    /// Concepts and reactions, transcripts with full-text search, notes, the codebook and its
    /// codings, comment cards and survey responses.
    static func createV3(_ db: Database) throws {
        try createConcepts(db)
        try createTranscripts(db)
        try createFeedback(db)
        // Last: codings point into transcripts, notes, reactions and comment cards.
        try createCodebook(db)
    }

    private static func createConcepts(_ db: Database) throws {
        try db.create(table: "concept") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("key", .text).notNull().unique()
            t.column("title", .text).notNull()
            t.column("description", .text)
            t.column("version", .text)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "presentation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sessionId", .integer).notNull().references("session", onDelete: .cascade)
            t.column("conceptId", .integer).notNull().references("concept").indexed()
            t.column("position", .integer).notNull().check(sql: "position > 0")
            t.uniqueKey(["sessionId", "conceptId"])
            t.uniqueKey(["sessionId", "position"])
        }
        try db.create(table: "reaction") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("presentationId", .integer).notNull().references("presentation", onDelete: .cascade)
            t.column("participantId", .integer).notNull().references("participant").indexed()
            t.column("appeal", .integer).notNull().check(sql: "appeal BETWEEN 1 AND 5")
            t.column("intent", .integer).notNull().check(sql: "intent BETWEEN 1 AND 5")
            t.column("recommend", .integer).notNull().check(sql: "recommend BETWEEN 0 AND 10")
            t.column("expectation", .integer).check(sql: "expectation BETWEEN -2 AND 2")
            t.column("comment", .text)
            t.column("recordedAt", .datetime).notNull()
            t.uniqueKey(["presentationId", "participantId"])
        }
    }

    private static func createTranscripts(_ db: Database) throws {
        try db.create(table: "utterance") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sessionId", .integer).notNull().references("session", onDelete: .cascade)
            t.column("sequence", .integer).notNull().check(sql: "sequence > 0")
            t.column("participantId", .integer).references("participant").indexed()
            t.column("moderatorId", .integer).references("moderator").indexed()
            t.column("speakerLabel", .text).notNull()
            t.column("startMs", .integer).check(sql: "startMs >= 0")
            t.column("endMs", .integer).check(sql: "endMs >= startMs")
            t.column("text", .text).notNull()
            t.uniqueKey(["sessionId", "sequence"])
            t.check(sql: "participantId IS NULL OR moderatorId IS NULL")
        }
        // Full-text search over what was said, in the search form of the text (case, diacritics and
        // Nordic letters folded as in name search: "aijala" finds "Äijälä", "oystein" finds "Øystein").
        // The index keeps its own folded copy; the triggers fold with roundtable_fold, which every
        // connection registers (AppDatabase.configuration), so each way of writing utterances stays indexed.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE utteranceSearch USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER utterance_search_insert AFTER INSERT ON utterance BEGIN
                INSERT INTO utteranceSearch (rowid, text) VALUES (new.id, roundtable_fold(new.text));
            END;
            CREATE TRIGGER utterance_search_delete AFTER DELETE ON utterance BEGIN
                DELETE FROM utteranceSearch WHERE rowid = old.id;
            END;
            CREATE TRIGGER utterance_search_update AFTER UPDATE OF text ON utterance BEGIN
                UPDATE utteranceSearch SET text = roundtable_fold(new.text) WHERE rowid = new.id;
            END;
            """)
        try db.create(table: "note") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sessionId", .integer).notNull().references("session", onDelete: .cascade).indexed()
            t.column("atMs", .integer).check(sql: "atMs >= 0")
            t.column("kind", .text).notNull().check(sql: "kind IN ('observation', 'quote', 'action')")
            t.column("text", .text).notNull()
            t.column("author", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("closedAt", .datetime)
            t.column("guid", .text).notNull().unique()
        }
    }

    private static func createCodebook(_ db: Database) throws {
        try db.create(table: "code") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("parentId", .integer).references("code").indexed()
            t.column("name", .text).notNull()
            t.column("description", .text)
            t.column("color", .text).check(sql: "color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'")
            t.column("createdAt", .datetime).notNull()
            // Stored, not derived: other tools know the code by it across exports.
            t.column("guid", .text).notNull().unique()
        }
        // Sibling codes have distinct names whatever their case; top-level codes are siblings too.
        try db.execute(sql: "CREATE UNIQUE INDEX code_sibling_name ON code (ifnull(parentId, 0), name COLLATE NOCASE)")
        try db.create(table: "coding") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("codeId", .integer).notNull().references("code", onDelete: .cascade).indexed()
            t.column("utteranceId", .integer).references("utterance", onDelete: .cascade).indexed()
            t.column("noteId", .integer).references("note", onDelete: .cascade).indexed()
            t.column("commentCardId", .integer).references("commentCard", onDelete: .cascade).indexed()
            t.column("reactionId", .integer).references("reaction", onDelete: .cascade).indexed()
            t.column("startOffset", .integer)
            t.column("endOffset", .integer)
            t.column("coder", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("guid", .text).notNull().unique()
            t.check(sql: """
                (utteranceId IS NOT NULL) + (noteId IS NOT NULL) + (commentCardId IS NOT NULL) + (reactionId IS NOT NULL) = 1
                """)
            t.check(sql: "(startOffset IS NULL) = (endOffset IS NULL)")
            t.check(sql: "startOffset >= 0 AND endOffset > startOffset")
        }
    }

    private static func createFeedback(_ db: Database) throws {
        try db.create(table: "commentCard") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("participantId", .integer).references("participant").indexed()
            t.column("panelId", .integer).references("panel").indexed()
            t.column("channel", .text).check(sql: "channel IN ('paper', 'email', 'web', 'phone')")
            t.column("rating", .integer).check(sql: "rating BETWEEN 1 AND 5")
            t.column("text", .text).notNull()
            t.column("receivedAt", .datetime).notNull()
        }
        try db.create(table: "surveyResponse") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("participantId", .integer).notNull().references("participant").indexed()
            t.column("sessionId", .integer).references("session").indexed()
            for dimension in ["quality", "speed", "price", "trust"] {
                t.column(dimension, .integer).notNull().check(sql: "\(dimension) BETWEEN 1 AND 5")
            }
            t.column("recommend", .integer).notNull().check(sql: "recommend BETWEEN 0 AND 10")
            t.column("problems", .text)
            t.column("needs", .text)
            t.column("recordedAt", .datetime).notNull()
        }
    }
}

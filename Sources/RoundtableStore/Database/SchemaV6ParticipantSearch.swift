import GRDB

extension Schema {
    /// A trigram index over participants' names and e-mails, so `participant list --search` finds a
    /// substring without reading every participant. It covers participants up to
    /// `participantSearchState.indexedUpTo`; newer ones are found by scanning until a search brings
    /// the index up to date (`ParticipantSearchIndex.catchUp`), which keeps roster imports from
    /// paying for it. Triggers keep the covered rows exact, so an edited or forgotten name leaves
    /// nothing behind in the index.
    static func createV6ParticipantSearch(_ db: Database) throws {
        // Contentless: the index holds trigrams only, never a copy of a name. A contentless row is
        // deleted by giving its indexed text again, so the triggers spell it out exactly as
        // ParticipantSearchIndex.indexedText does (and a migration never changes).
        try db.execute(sql: """
            CREATE VIRTUAL TABLE participantSearch USING fts5(text, tokenize = 'trigram', content = '', detail = 'none');
            CREATE TABLE participantSearchState (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                indexedUpTo INTEGER NOT NULL CHECK (indexedUpTo >= 0)
            );
            INSERT INTO participantSearchState (id, indexedUpTo) VALUES (1, 0);
            CREATE TRIGGER participant_search_update AFTER UPDATE OF nameSearch, email ON participant
            WHEN old.id <= (SELECT indexedUpTo FROM participantSearchState)
                AND (old.nameSearch IS NOT new.nameSearch OR old.email IS NOT new.email)
            BEGIN
                INSERT INTO participantSearch (participantSearch, rowid, text)
                    VALUES ('delete', old.id, old.nameSearch || char(10) || lower(ifnull(old.email, '')));
                INSERT INTO participantSearch (rowid, text) VALUES (new.id, new.nameSearch || char(10) || lower(ifnull(new.email, '')));
            END;
            CREATE TRIGGER participant_search_delete AFTER DELETE ON participant
            WHEN old.id <= (SELECT indexedUpTo FROM participantSearchState)
            BEGIN
                INSERT INTO participantSearch (participantSearch, rowid, text)
                    VALUES ('delete', old.id, old.nameSearch || char(10) || lower(ifnull(old.email, '')));
            END;
            """)
    }
}

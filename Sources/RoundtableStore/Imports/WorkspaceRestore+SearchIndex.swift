import Foundation
import GRDB
import RoundtableCore

/// Utterances in bulk: one prepared insert, and the transcript search index filled by a second
/// one beside it instead of by the insert trigger.
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

    /// Sets the search index's triggers aside for the utterances section.
    func setSearchTriggersAside() throws {
        guard search == nil else { return }
        search = try DeferredSearchIndex(db)
    }

    /// Indexes the utterance just restored, whose search form is `searchText`.
    func indexRestoredUtterance(_ searchText: String) throws {
        try search?.add(db, id: db.lastInsertedRowID, searchText: searchText)
    }

    /// Puts the triggers back.
    func indexUtterancesAndRestoreTriggers() throws {
        try search?.finish(db)
        search = nil
    }
}

import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Takes a forgotten participant's name out of what was said and noted in the sessions they
    /// sat in: their speaker labels become their key, and their name inside utterances and notes
    /// becomes their key too, with coded spans moved so they still cover the same words. Other
    /// people's full names stay whole (moderators, coders, everyone else seated there), so a
    /// shared surname does not turn moderator "Aino Virtanen" into "Aino P-000001" for good.
    /// `name` is the display name from before the participant was erased.
    func eraseFromTranscripts(_ db: Database, participantId: Int64, name: String) throws {
        let key = "\(EntityKey(.participant, id: participantId))"
        try scrubSpeakerLabels(db, participantId: participantId, key: key)
        let sessions = "SELECT sessionId FROM seat WHERE participantId = ?"
        let others = try String.fetchAll(db, sql: """
            SELECT name FROM moderator
            UNION SELECT displayName FROM participant WHERE erasedAt IS NULL AND id <> ?
                AND id IN (SELECT participantId FROM seat WHERE sessionId IN (\(sessions)))
            UNION SELECT coder FROM coding JOIN utterance ON utterance.id = coding.utteranceId WHERE utterance.sessionId IN (\(sessions))
            UNION SELECT author FROM note WHERE sessionId IN (\(sessions))
            """, arguments: [participantId, participantId, participantId, participantId])
        let pseudonymizer = Pseudonymizer([(name: name, code: key)], keeping: others)
        for var utterance in try Utterance.filter(sql: "sessionId IN (\(sessions))", arguments: [participantId]).fetchAll(db) {
            let codings = try Coding.filter(Column("utteranceId") == utterance.id!).order(Column("id")).fetchAll(db)
            guard let text = try replaceNames(db, in: utterance.text, codings: codings, with: pseudonymizer) else { continue }
            utterance.text = text
            try utterance.update(db)
        }
        for var note in try Note.filter(sql: "sessionId IN (\(sessions))", arguments: [participantId]).fetchAll(db) {
            let codings = try Coding.filter(Column("noteId") == note.id!).order(Column("id")).fetchAll(db)
            guard let text = try replaceNames(db, in: note.text, codings: codings, with: pseudonymizer) else { continue }
            note.text = text
            try note.update(db)
        }
        try eraseFromBatchSearches(db, key: key, name: name)
    }

    /// Replaces each word of a coding batch's search that is a part of `name` (compared as search
    /// compares: "aijala" is "Äijälä") with `key`. A search is a record of what was looked for, so
    /// erring towards taking out a word another person shares costs nothing.
    private func eraseFromBatchSearches(_ db: Database, key: String, name: String) throws {
        let parts = Set(name.split { $0.isWhitespace || $0 == "," }.map { UnicodeText.searchKey(String($0)) }.filter { $0.count > 1 })
        for row in try Row.fetchAll(db, sql: "SELECT id, query FROM codingBatch") {
            let query: String = row["query"]
            var changed = false
            let words = query.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
                let bare = String(word).trimmingCharacters(in: CharacterSet(charactersIn: "\"*"))
                guard parts.contains(UnicodeText.searchKey(bare)) else { return String(word) }
                changed = true
                return key
            }
            guard changed else { continue }
            try db.execute(sql: "UPDATE codingBatch SET query = ? WHERE id = ?",
                           arguments: [words.joined(separator: " "), row["id"] as Int64])
        }
    }

    /// The text with names replaced, its codings' spans moved and saved; nil when no name occurs.
    private func replaceNames(_ db: Database, in text: String, codings: [Coding], with pseudonymizer: Pseudonymizer) throws -> String? {
        let replaced = pseudonymizer.apply(to: text, spans: codings.map { $0.span ?? TextSpan(start: 0, end: 0) })
        guard replaced.text != text else { return nil }
        for (index, var coding) in codings.enumerated() where coding.span != nil {
            coding.startOffset = replaced.spans[index].start
            coding.endOffset = replaced.spans[index].end
            try coding.update(db)
        }
        return replaced.text
    }
}

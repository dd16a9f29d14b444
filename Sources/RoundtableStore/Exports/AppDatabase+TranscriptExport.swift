import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Feeds one session's transcript to `sink` in one read: the codes its codings use (with their
    /// ancestors), then every utterance in order with its codings. With `pseudonymize`, each
    /// participant's name becomes a code (P01, P02, … by participant key, so the same person gets
    /// the same code every time), in speaker fields and inside the text, and coded spans follow;
    /// moderators' and coders' names stay whole. Returns the key to the codes (empty without
    /// `pseudonymize`).
    @discardableResult
    public func exportTranscript(_ key: EntityKey, pseudonymize: Bool, to sink: some TranscriptSink) throws -> PseudonymKey {
        try read { db in
            let session = try Lookup.session(db, key)
            let sessionId = session.id!
            let pseudonyms = pseudonymize ? try Pseudonyms(db, sessionId: sessionId) : nil
            // A title such as "Interview with Ilkka Virtanen" names a participant too.
            try sink.header(TranscriptHeader(session: key, title: pseudonyms?.apply(to: session.title) ?? session.title,
                                             start: session.startsAt, timeZone: session.timeZone, pseudonymized: pseudonymize))
            try sink.codebook(try codesUsed(db, sessionId: sessionId))
            var codings = try RowMerge(Row.fetchCursor(db, sql: """
                SELECT utterance.sequence, coding.* FROM coding JOIN utterance ON utterance.id = coding.utteranceId
                WHERE utterance.sessionId = ? ORDER BY utterance.sequence, coding.id
                """, arguments: [sessionId])) { try Coding(row: $0) }
            let utterances = try Utterance.filter(Column("sessionId") == sessionId).order(Column("sequence")).fetchCursor(db)
            while let utterance = try utterances.next() {
                let entry = TranscriptEntry(utterance: utterance, speaker: utterance.speakerLabel,
                                            codings: try codings.values(for: Int64(utterance.sequence)))
                try sink.entry(pseudonyms?.apply(to: entry) ?? entry)
            }
            return pseudonyms?.key(sessions: [key]) ?? PseudonymKey(sessions: ["\(key)"])
        }
    }

    /// The codes applied to the session's utterances and every ancestor of them, parents first.
    private func codesUsed(_ db: Database, sessionId: Int64) throws -> [Code] {
        var wanted = Set(try Int64.fetchAll(db, sql: """
            SELECT DISTINCT coding.codeId FROM coding JOIN utterance ON utterance.id = coding.utteranceId
            WHERE utterance.sessionId = ?
            """, arguments: [sessionId]))
        guard !wanted.isEmpty else { return [] }
        let all = try Code.order(Column("id")).fetchAll(db)
        let parents = Dictionary(uniqueKeysWithValues: all.map { ($0.id!, $0.parentId) })
        for id in wanted {
            var parent = parents[id] ?? nil
            while let ancestor = parent, wanted.insert(ancestor).inserted { parent = parents[ancestor] ?? nil }
        }
        return all.filter { wanted.contains($0.id!) }
    }
}

import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Feeds one session's transcript to `sink` in one read: the codes its codings use (with their
    /// ancestors), then every utterance in order with its codings. With `pseudonymize`, each
    /// participant's name becomes a code (P01, P02, … by participant key, so the same person gets
    /// the same code every time), in speaker fields and inside the text, and coded spans follow.
    public func exportTranscript(_ key: EntityKey, pseudonymize: Bool, to sink: some TranscriptSink) throws {
        try read { db in
            let session = try Lookup.session(db, key)
            let sessionId = session.id!
            try sink.header(TranscriptHeader(session: key, title: session.title, start: session.startsAt,
                                             timeZone: session.timeZone, pseudonymized: pseudonymize))
            try sink.codebook(try codesUsed(db, sessionId: sessionId))
            let pseudonyms = pseudonymize ? try Pseudonyms(db, sessionId: sessionId) : nil
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

/// Participants' study codes for one session: P01, P02, … in participant-key order, over
/// everyone seated in the session or speaking in it.
struct Pseudonyms {
    private let codes: [Int64: String]
    private let pseudonymizer: Pseudonymizer

    init(_ db: Database, sessionId: Int64) throws {
        self.init(people: try Participant.fetchAll(db, sql: """
            SELECT * FROM participant WHERE id IN (
                SELECT participantId FROM seat WHERE sessionId = ?
                UNION SELECT participantId FROM utterance WHERE sessionId = ? AND participantId IS NOT NULL)
            ORDER BY id
            """, arguments: [sessionId, sessionId]))
    }

    /// Codes for `people`, numbered in the order given.
    init(people: [Participant]) {
        let width = max(2, String(people.count).count)
        var codes: [Int64: String] = [:]
        var names: [(name: String, code: String)] = []
        for (index, person) in people.enumerated() {
            let number = String(index + 1)
            let code = "P" + String(repeating: "0", count: width - number.count) + number
            codes[person.id!] = code
            if !person.isErased { names.append((person.displayName, code)) }
        }
        self.codes = codes
        pseudonymizer = Pseudonymizer(names)
    }

    /// The study code of a participant, such as `P01`.
    func code(of participantId: Int64) -> String? { codes[participantId] }

    /// `text` with names replaced and coded spans moved (spans of nil codings mean the whole text).
    func apply(to text: String, codings: [Coding]) -> (text: String, codings: [Coding]) {
        let replaced = pseudonymizer.apply(to: text, spans: codings.map { $0.span ?? TextSpan(start: 0, end: 0) })
        var moved = codings
        for index in moved.indices where moved[index].span != nil {
            moved[index].startOffset = replaced.spans[index].start
            moved[index].endOffset = replaced.spans[index].end
        }
        return (replaced.text, moved)
    }

    /// The entry with names replaced, no participant id, and its coded spans moved to match.
    func apply(to entry: TranscriptEntry) -> TranscriptEntry {
        var entry = entry
        (entry.utterance.text, entry.codings) = apply(to: entry.utterance.text, codings: entry.codings)
        if let participant = entry.utterance.participantId {
            entry.speaker = codes[participant] ?? pseudonymizer.apply(to: entry.speaker)
        } else {
            entry.speaker = pseudonymizer.apply(to: entry.speaker)
        }
        entry.utterance.participantId = nil
        return entry
    }
}

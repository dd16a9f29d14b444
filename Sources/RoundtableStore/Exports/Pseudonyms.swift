import Foundation
import GRDB
import RoundtableCore

/// Participants' study codes for an export: P01, P02, … in participant-key order. Moderators and
/// coders are staff, not research subjects: they keep their names, and their full names stay whole
/// in the text even where they contain a participant's surname.
struct Pseudonyms {
    private let people: [Participant]
    private let codes: [Int64: String]
    private let pseudonymizer: Pseudonymizer

    /// Codes for everyone seated in the session or speaking in it.
    init(_ db: Database, sessionId: Int64) throws {
        let people = try Participant.fetchAll(db, sql: """
            SELECT * FROM participant WHERE id IN (
                SELECT participantId FROM seat WHERE sessionId = ?
                UNION SELECT participantId FROM utterance WHERE sessionId = ? AND participantId IS NOT NULL)
            ORDER BY id
            """, arguments: [sessionId, sessionId])
        let coders = try String.fetchAll(db, sql: """
            SELECT coder FROM coding JOIN utterance ON utterance.id = coding.utteranceId WHERE utterance.sessionId = ?
            UNION SELECT author FROM note WHERE sessionId = ?
            """, arguments: [sessionId, sessionId])
        self.init(people: people, keeping: try Self.staff(db) + coders)
    }

    /// Codes for `people`, numbered in the order given; the names in `keeping` stay whole.
    init(people: [Participant], keeping: [String]) {
        let width = max(2, String(people.count).count)
        var codes: [Int64: String] = [:]
        var names: [(name: String, code: String)] = []
        for (index, person) in people.enumerated() {
            let number = String(index + 1)
            let code = "P" + String(repeating: "0", count: width - number.count) + number
            codes[person.id!] = code
            if !person.isErased { names.append((person.displayName, code)) }
        }
        self.people = people
        self.codes = codes
        pseudonymizer = Pseudonymizer(names, keeping: keeping)
    }

    /// Every moderator's name: a moderator of another session may be named in this one's text.
    static func staff(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM moderator ORDER BY id")
    }

    /// The study code of a participant, such as `P01`.
    func code(of participantId: Int64) -> String? { codes[participantId] }

    /// Which participant each code stands for, in code order.
    func key(sessions: [EntityKey]) -> PseudonymKey {
        PseudonymKey(sessions: sessions.map(\.description), pseudonyms: people.compactMap { person in
            codes[person.id!].map { PseudonymKey.Entry(code: $0, participant: "\(person.key)", name: person.isErased ? nil : person.displayName) }
        })
    }

    /// `text` with names replaced.
    func apply(to text: String) -> String { pseudonymizer.apply(to: text) }

    /// `text` with names replaced and `spans` moved to match.
    func apply(to text: String, spans: [TextSpan]) -> (text: String, spans: [TextSpan]) {
        pseudonymizer.apply(to: text, spans: spans)
    }

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

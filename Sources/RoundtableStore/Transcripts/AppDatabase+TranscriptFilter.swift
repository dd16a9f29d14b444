import Foundation
import GRDB
import RoundtableCore

/// Which turns of a transcript `transcript show` keeps.
public struct TranscriptFilter: Sendable, Equatable {
    /// Only this participant's or moderator's turns.
    public var speaker: EntityKey?
    /// Only turns carrying this code (a path or unique name) or a code under it.
    public var code: String?
    /// Only turns starting at or after this many milliseconds into the recording.
    public var fromMs: Int?
    /// Only turns starting before this many milliseconds into the recording.
    public var toMs: Int?

    /// Creates a filter; the default keeps every turn.
    public init(speaker: EntityKey? = nil, code: String? = nil, fromMs: Int? = nil, toMs: Int? = nil) {
        self.speaker = speaker
        self.code = code
        self.fromMs = fromMs
        self.toMs = toMs
    }
}

extension AppDatabase {
    /// A session's turns that pass `filter`, in order, each knowing where the next turn of the whole
    /// transcript starts. A time bound leaves out turns without a start. With `pseudonymize`,
    /// participants' names become study codes (as in `export transcript`) in the title, speakers and
    /// text, and participant keys are left out; the key to the codes comes back with it.
    public func transcript(session key: EntityKey, filter: TranscriptFilter,
                           pseudonymize: Bool = false) throws -> (transcript: Transcript, pseudonyms: PseudonymKey) {
        if let from = filter.fromMs, let to = filter.toMs, from >= to {
            throw RoundtableError.usage("--from \(TranscriptText.formatTimestamp(from)) must be before --to "
                                        + TranscriptText.formatTimestamp(to))
        }
        return try read { db in
            var session = try Lookup.session(db, key)
            if let speaker = filter.speaker {
                _ = speaker.entity == .participant ? try Lookup.participant(db, speaker).id : try Lookup.moderator(db, speaker).id
            }
            let coded = try filter.code.map { try Self.utterancesCoded(db, code: $0, session: key.id) }
            let utterances = try Utterance.filter(Column("sessionId") == key.id).order(Column("sequence")).fetchAll(db)
            var lines: [TranscriptLine] = []
            var nextStart: Int?
            for utterance in utterances.reversed() {
                let line = TranscriptLine(utterance: utterance, speakerKey: utterance.speakerKey, nextStartMs: nextStart)
                if let start = utterance.startMs, start < nextStart ?? .max { nextStart = start }
                if Self.keeps(line, filter, coded) { lines.append(line) }
            }
            lines.reverse()
            guard pseudonymize else { return (Transcript(session: session, lines: lines), PseudonymKey(sessions: ["\(key)"])) }
            let pseudonyms = try Pseudonyms(db, sessionId: key.id)
            session.title = pseudonyms.apply(to: session.title)
            for index in lines.indices {
                let entry = pseudonyms.apply(to: TranscriptEntry(utterance: lines[index].utterance,
                                                                 speaker: lines[index].utterance.speakerLabel, codings: []))
                lines[index].utterance = entry.utterance
                lines[index].utterance.speakerLabel = entry.speaker
                if lines[index].speakerKey?.entity == .participant { lines[index].speakerKey = nil }
            }
            return (Transcript(session: session, lines: lines), pseudonyms.key(sessions: [key]))
        }
    }

    private static func keeps(_ line: TranscriptLine, _ filter: TranscriptFilter, _ coded: Set<Int64>?) -> Bool {
        if let speaker = filter.speaker, line.speakerKey != speaker { return false }
        if let coded, !coded.contains(line.utterance.id!) { return false }
        if filter.fromMs != nil || filter.toMs != nil {
            guard let start = line.utterance.startMs else { return false }
            if let from = filter.fromMs, start < from { return false }
            if let to = filter.toMs, start >= to { return false }
        }
        return true
    }

    /// The session's utterances that carry `code` or a code under it.
    private static func utterancesCoded(_ db: Database, code: String, session: Int64) throws -> Set<Int64> {
        let codebook = try Codebook(db)
        var wanted: Set<Int64> = [try codebook.resolve(code).id!]
        // Parents come before their children in id order only by convention; repeat until nothing is added.
        var grew = true
        while grew {
            let before = wanted.count
            for code in codebook.codes where code.parentId.map(wanted.contains) == true { wanted.insert(code.id!) }
            grew = wanted.count > before
        }
        let ids = wanted.map { String($0) }.joined(separator: ",")
        return Set(try Int64.fetchAll(db, sql: """
            SELECT DISTINCT coding.utteranceId FROM coding JOIN utterance ON utterance.id = coding.utteranceId
            WHERE utterance.sessionId = ? AND coding.codeId IN (\(ids))
            """, arguments: [session]))
    }
}

import Foundation
import GRDB
import RoundtableCore

/// What making a new transcript removed from the old one.
struct TranscriptReplacement {
    /// Utterances deleted.
    var utterances = 0
    /// Codings deleted with them.
    var codings = 0
}

/// Writes one session's new transcript inside a transaction, an utterance at a time, so an
/// import of any length holds one utterance in memory. Utterances are numbered from 1 in the order
/// appended. A session that already has utterances is refused unless `replace`, which deletes them
/// (and their codings) first. Speakers must take part in the session; texts and labels are
/// composed (NFC) and checked; start times may not go back. Errors are rule errors prefixed with
/// the origin given, such as `file.txt:12`.
struct TranscriptInserter {
    let db: Database
    let session: Session
    /// The session's seated participants and moderators.
    let speakers: SessionSpeakers
    /// What the new transcript replaced.
    private(set) var replacement = TranscriptReplacement()
    /// How many utterances were appended.
    private(set) var count = 0
    private var previous: (ms: Int, origin: String)?
    private let insert: BulkStatement

    init(_ db: Database, session: Session, replace: Bool) throws {
        try AppDatabase.checkTakesTranscripts(session)
        self.db = db
        self.session = session
        speakers = try SessionSpeakers(db, session: session)
        let existing = try Utterance.filter(Column("sessionId") == session.id!).fetchCount(db)
        if existing > 0 {
            guard replace else {
                throw RoundtableError.rule("\(session.key) already has a transcript (\(existing) utterances); "
                    + "give --replace to replace it")
            }
            replacement.codings = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM coding WHERE utteranceId IN (SELECT id FROM utterance WHERE sessionId = ?)
                """, arguments: [session.id!]) ?? 0
            replacement.utterances = try Utterance.filter(Column("sessionId") == session.id!).deleteAll(db)
        }
        insert = try BulkStatement(db, """
            INSERT INTO utterance (sessionId, sequence, participantId, moderatorId, speakerLabel, startMs, endMs, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Checks and inserts the next utterance (its `sessionId` and `sequence` are overwritten) and
    /// returns it as stored, with its id.
    @discardableResult
    mutating func append(_ original: Utterance, origin: String) throws -> Utterance {
        var utterance = original
        utterance.id = nil
        utterance.sessionId = session.id!
        utterance.sequence = count + 1
        do {
            try speakers.check(utterance, session: session.key)
            utterance = try AppDatabase.checked(utterance)
            if let start = utterance.startMs {
                if let previous, start < previous.ms {
                    throw RoundtableError.rule("starts at \(TranscriptText.formatTimestamp(start)), earlier than "
                        + "\(TranscriptText.formatTimestamp(previous.ms)) at \(previous.origin)")
                }
                previous = (start, origin)
            }
        } catch let error as RoundtableError {
            throw RoundtableError.rule("\(origin): \(error.message)")
        }
        // Bound through SQLite's C API: GRDB's argument arrays were a sixth of a large import.
        insert.bind(utterance.sessionId)
        insert.bind(Int64(utterance.sequence))
        insert.bind(utterance.participantId)
        insert.bind(utterance.moderatorId)
        insert.bind(utterance.speakerLabel)
        insert.bind(utterance.startMs.map(Int64.init))
        insert.bind(utterance.endMs.map(Int64.init))
        insert.bind(utterance.text)
        try insert.run()
        utterance.id = db.lastInsertedRowID
        count += 1
        return utterance
    }
}

extension AppDatabase {
    /// Makes `utterances` the whole transcript of `session` through a `TranscriptInserter`;
    /// `origin(index)` names each in errors. The caller writes the audit entry.
    @discardableResult
    func insertUtterances(_ db: Database, session: Session, _ utterances: [Utterance], replace: Bool = false,
                          origin: (Int) -> String = { "utterance \($0 + 1)" }) throws -> TranscriptReplacement {
        var inserter = try TranscriptInserter(db, session: session, replace: replace)
        for (index, utterance) in utterances.enumerated() { try inserter.append(utterance, origin: origin(index)) }
        return inserter.replacement
    }

    /// Replaces a forgotten participant's name in the speaker labels of their utterances with
    /// their key, so no transcript shows it again. Returns how many utterances changed.
    @discardableResult
    func scrubSpeakerLabels(_ db: Database, participantId: Int64, key: String) throws -> Int {
        try db.execute(sql: "UPDATE utterance SET speakerLabel = ? WHERE participantId = ? AND speakerLabel <> ?",
                       arguments: [key, participantId, key])
        return db.changesCount
    }

    /// Refuses transcripts for a session that never took place.
    static func checkTakesTranscripts(_ session: Session) throws {
        try session.status.require([.draft, .scheduled, .inProgress, .completed], to: "add a transcript to",
                                   session: session.key)
    }

    /// `utterance` with its label and text composed and checked (usage errors, as for typed input).
    static func checked(_ utterance: Utterance) throws -> Utterance {
        var utterance = utterance
        utterance.speakerLabel = try TextRules.name(utterance.speakerLabel, what: "the speaker label")
        utterance.text = UnicodeText.composed(utterance.text)
        guard !utterance.text.isEmpty else { throw RoundtableError.usage("the text of a turn must not be empty") }
        _ = try TextRules.text(utterance.text, what: "the text")
        if let start = utterance.startMs, start < 0 { throw RoundtableError.usage("a start time must not be negative") }
        if let start = utterance.startMs, let end = utterance.endMs, end < start {
            throw RoundtableError.usage("ends at \(TranscriptText.formatTimestamp(end)), before it starts")
        }
        return utterance
    }
}

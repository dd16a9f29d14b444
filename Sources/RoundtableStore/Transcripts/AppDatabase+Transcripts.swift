import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Appends one utterance to a session's transcript. `speaker` is a participant key (who must hold
    /// a seat in the session), a moderator key (who must moderate it) or any other label, such as
    /// "Client"; `startMs` may not be earlier than the latest start already recorded.
    public func addUtterance(session key: EntityKey, speaker: String, at startMs: Int?, text: String) throws -> Utterance {
        try write { db in
            let session = try Lookup.session(db, key)
            try Self.checkTakesTranscripts(session)
            let speakers = try SessionSpeakers(db, session: session)
            var utterance = Utterance(sessionId: key.id, sequence: 1, speakerLabel: "", startMs: startMs, text: text)
            switch try speakers.speaker(typed: speaker, session: key) {
            case .participant(let id):
                utterance.participantId = id
                utterance.speakerLabel = speakers.label(for: EntityKey(.participant, id: id))
            case .moderator(let id):
                utterance.moderatorId = id
                utterance.speakerLabel = speakers.label(for: EntityKey(.moderator, id: id))
            case .label(let label):
                utterance.speakerLabel = label
            }
            utterance = try Self.checked(utterance)
            let last = try Row.fetchOne(db, sql: """
                SELECT max(sequence) AS sequence, max(startMs) AS latest FROM utterance WHERE sessionId = ?
                """, arguments: [key.id])
            if let startMs, let latest: Int = last?["latest"], startMs < latest {
                throw RoundtableError.rule("a turn at \(TranscriptText.formatTimestamp(startMs)) cannot follow one at "
                    + "\(TranscriptText.formatTimestamp(latest)) in \(key)'s transcript")
            }
            utterance.sequence = ((last?["sequence"] as Int?) ?? 0) + 1
            try utterance.insert(db)
            // The speaker's key, never their name: the audit log is append-only and must survive a forget.
            try audit(db, "transcript.add", "\(key)", "\(utterance.key)" + (utterance.speakerKey.map { " \($0)" } ?? ""))
            return utterance
        }
    }

    /// Imports a plain-text transcript (`TranscriptText`) as the whole transcript of a session, in
    /// one transaction. Speakers are matched to the session's seated participants and moderators by
    /// key or name (`SpeakerMatcher`); labels that fit nobody, or several people, are kept as labels
    /// and reported, never guessed. A session with a transcript is refused unless `replace`.
    public func importTranscript(session key: EntityKey, text: String, fileName: String,
                                 replace: Bool) throws -> TranscriptImportReport {
        let turns = try TranscriptText.parse(text, file: fileName)
        guard !turns.isEmpty else {
            throw RoundtableError.rule("\(fileName): no turns found; a turn starts with 'Speaker: text'")
        }
        let file = TranscriptFileStamp(fileName: fileName, format: TranscriptFormat.text.rawValue, sha256: "")
        return try importTranscript(session: key, file: file, replace: replace) { add in
            for turn in turns { try add(turn) }
            return turns.count
        }
    }

    /// A session's utterances in order, each with the key of the person who spoke when known.
    public func transcript(session key: EntityKey) throws -> Transcript {
        try read { db in
            let session = try Lookup.session(db, key)
            let utterances = try Utterance.filter(Column("sessionId") == key.id).order(Column("sequence")).fetchAll(db)
            return Transcript(session: session, lines: utterances.map { TranscriptLine(utterance: $0, speakerKey: $0.speakerKey) })
        }
    }
}

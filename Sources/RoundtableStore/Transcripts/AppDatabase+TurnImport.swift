import Foundation
import GRDB
import RoundtableCore

/// The file a transcript import reads, as the importer records it in `transcriptSource`.
public struct TranscriptFileStamp: Sendable, Equatable {
    public var fileName: String
    /// `TranscriptFormat`'s raw value.
    public var format: String
    public var sha256: String
    /// What errors name before a turn's line: the file, or the document inside it (`t.docx:word/document.xml`).
    public var location: String

    /// Describes the file being imported.
    public init(fileName: String, format: String, sha256: String, location: String? = nil) {
        self.fileName = fileName
        self.format = format
        self.sha256 = sha256
        self.location = location ?? fileName
    }
}

extension AppDatabase {
    /// Imports a transcript handed over a turn at a time (`feed` calls its argument for each turn
    /// and returns how many cues the file held) as the whole transcript of `session`, in one
    /// transaction, holding one turn in memory. Labels in `mappings` go to the people named;
    /// other labels are matched to the session's seated participants and moderators by key or
    /// name, and what fits nobody, or several people, is kept as a label and reported. The file is
    /// recorded in `transcriptSource`; the same file (by SHA-256) again, or any file into a session
    /// with a transcript, is refused unless `replace`.
    public func importTranscript(session key: EntityKey, file: TranscriptFileStamp, replace: Bool,
                                 mappings: [SpeakerMapping] = [],
                                 feed: (_ add: (TranscriptTurn) throws -> Void) throws -> Int) throws -> TranscriptImportReport {
        try write { db in
            let session = try Lookup.session(db, key)
            try checkSameFile(db, session: session, file: file, replace: replace)
            var inserter = try TranscriptInserter(db, session: session, replace: replace)
            var resolver = try SpeakerResolver(speakers: inserter.speakers, mappings: mappings, session: key)
            var report = SpeakerReport()
            let cues = try feed { turn in
                var utterance = Utterance(sessionId: key.id, sequence: 1, speakerLabel: turn.speaker,
                                          startMs: turn.startMilliseconds, text: turn.text)
                utterance.endMs = turn.endMilliseconds
                let outcome = resolver.outcome(turn.speaker)
                if case .matched(let person) = outcome {
                    if person.entity == .participant { utterance.participantId = person.id } else { utterance.moderatorId = person.id }
                    utterance.speakerLabel = resolver.storedLabel(turn.speaker, person: person)
                }
                report.note(turn, outcome)
                try inserter.append(utterance, origin: "\(file.location):\(turn.line)")
            }
            guard inserter.count > 0 else {
                throw RoundtableError.rule("\(file.fileName): no turns found"
                    + (file.format == TranscriptFormat.text.rawValue ? "; a turn starts with 'Speaker: text'" : ""))
            }
            try recordSource(db, session: session, file: file, cues: cues)
            var detail = "\(file.fileName) (\(file.format), \(cues) cues): \(inserter.count) utterances, "
                + "\(report.matched.count) speakers matched, \(report.unmatched.count) unmatched, \(report.ambiguous.count) ambiguous"
            if inserter.replacement.utterances > 0 { detail += ", replaced \(inserter.replacement.utterances)" }
            try audit(db, "transcript.import", "\(key)", detail)
            var result = TranscriptImportReport(
                session: key, utterances: inserter.count, replacedUtterances: inserter.replacement.utterances,
                removedCodings: inserter.replacement.codings, matched: report.matched, unmatched: report.unmatched,
                ambiguous: report.ambiguous)
            result.cues = cues
            result.unusedMappings = resolver.unused
            return result
        }
    }

    /// Refuses the very file (same SHA-256) that gave `session` its transcript, unless `replace`.
    func checkSameFile(_ db: Database, session: Session, file: TranscriptFileStamp, replace: Bool) throws {
        guard !replace, !file.sha256.isEmpty, let earlier = try TranscriptSource.fetchOne(db, key: session.id!), earlier.sha256 == file.sha256,
              try Utterance.filter(Column("sessionId") == session.id!).fetchCount(db) > 0 else { return }
        throw RoundtableError.rule("\(file.fileName) is the same file that was imported into \(session.key) on "
            + "\(TimeFormat.utc(earlier.importedAt))" + (earlier.fileName == file.fileName ? "" : " (as \(earlier.fileName))")
            + "; give --replace to import it again")
    }

    /// Makes `file` the recorded source of `session`'s transcript; a file without a digest (text
    /// handed over in memory) leaves no record, and takes away the previous file's.
    func recordSource(_ db: Database, session: Session, file: TranscriptFileStamp?, cues: Int) throws {
        guard let file, !file.sha256.isEmpty else {
            _ = try TranscriptSource.deleteOne(db, key: session.id!)
            return
        }
        try TranscriptSource(sessionId: session.id!, fileName: file.fileName, format: file.format, sha256: file.sha256,
                             importedAt: clock(), cues: cues).upsert(db)
    }
}

extension TranscriptSource: FetchableRecord, PersistableRecord {}

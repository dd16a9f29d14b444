import Foundation
import GRDB
import RoundtableCore

/// What importing a native XML transcript did: the speaker report of any transcript import,
/// plus the codings brought across and the codes created for them.
public struct TranscriptFileImportReport: Sendable {
    public var transcript: TranscriptImportReport
    public var codings: Int
    public var codesCreated: Int
}

extension AppDatabase {
    /// Imports a native transcript document into `session` in one transaction. Speakers are
    /// matched to the session's own people: a participant or moderator key from the file counts
    /// only if that person takes part here under the same name (the file may come from another
    /// workspace); otherwise the label is matched by name, and what stays unmatched is kept as a
    /// label and reported. Codes are found by path, created when missing; every coded span is
    /// checked against its utterance's text. Labels in `mappings` go to the people they name
    /// before anything else; `file`, when given, is recorded as the transcript's source, and the
    /// same file again is refused unless `replace`.
    public func importTranscript(session key: EntityKey, fileName: String, replace: Bool, file: TranscriptFileStamp? = nil,
                                 mappings: [SpeakerMapping] = [],
                                 feed: (any TranscriptSink) throws -> Void) throws -> TranscriptFileImportReport {
        try write { db in
            try importTranscript(db, session: key, fileName: fileName, replace: replace, file: file, mappings: mappings, feed: feed)
        }
    }

    /// `importTranscript` inside a transaction the caller holds.
    func importTranscript(_ db: Database, session key: EntityKey, fileName: String, replace: Bool, file: TranscriptFileStamp? = nil,
                          mappings: [SpeakerMapping] = [],
                          feed: (any TranscriptSink) throws -> Void) throws -> TranscriptFileImportReport {
        do {
            let session = try Lookup.session(db, key)
            if let file { try checkSameFile(db, session: session, file: file, replace: replace) }
            let sink = try TranscriptFileImport(db, session: session, replace: replace, fileName: fileName, database: self,
                                                mappings: mappings)
            try feed(sink)
            guard sink.inserter.count > 0 else { throw RoundtableError.rule("\(fileName): the transcript has no utterances") }
            let report = sink.report
            try recordSource(db, session: session, file: file, cues: sink.inserter.count)
            try audit(db, "transcript.import", "\(key)", "\(fileName): \(sink.inserter.count) utterances, \(sink.codings) codings, "
                + "\(report.matched.count) speakers matched, \(report.unmatched.count) unmatched, \(report.ambiguous.count) ambiguous")
            var transcript = TranscriptImportReport(
                session: key, utterances: sink.inserter.count, replacedUtterances: sink.inserter.replacement.utterances,
                removedCodings: sink.inserter.replacement.codings, matched: report.matched, unmatched: report.unmatched,
                ambiguous: report.ambiguous)
            transcript.cues = sink.inserter.count
            transcript.unusedMappings = sink.resolver.unused
            return TranscriptFileImportReport(transcript: transcript, codings: sink.codings, codesCreated: sink.codes?.created ?? 0)
        }
    }
}

/// Writes a transcript document into a session as it is read: each utterance is matched to the
/// session's people, inserted, and its codings checked against its text and inserted, so memory
/// stays flat however long the transcript.
private final class TranscriptFileImport: TranscriptSink {
    private let db: Database
    private let fileName: String
    private let database: AppDatabase
    var resolver: SpeakerResolver
    var inserter: TranscriptInserter
    var report = SpeakerReport()
    var codes: CodeMapping?
    var codings = 0

    init(_ db: Database, session: Session, replace: Bool, fileName: String, database: AppDatabase,
         mappings: [SpeakerMapping]) throws {
        self.db = db
        self.fileName = fileName
        self.database = database
        inserter = try TranscriptInserter(db, session: session, replace: replace)
        resolver = try SpeakerResolver(speakers: inserter.speakers, mappings: mappings, session: session.key)
    }

    func header(_ header: TranscriptHeader) throws {}

    func codebook(_ codes: [Code]) throws {
        self.codes = try CodeMapping(db, codes, database: database, file: fileName)
    }

    func entry(_ entry: TranscriptEntry) throws {
        let origin = "\(fileName):\(entry.line)"
        if !entry.codings.isEmpty, UnicodeText.composed(entry.utterance.text) != entry.utterance.text {
            throw RoundtableError.rule("\(origin): the text is not in composed Unicode (NFC), so its coding offsets are ambiguous")
        }
        var utterance = entry.utterance
        utterance.participantId = nil
        utterance.moderatorId = nil
        let turn = TranscriptTurn(line: entry.line, speaker: entry.speaker, startMilliseconds: entry.utterance.startMs,
                                  text: entry.utterance.text)
        let outcome = Self.speaker(of: entry, &resolver)
        if case .matched(let person) = outcome {
            if person.entity == .participant { utterance.participantId = person.id } else { utterance.moderatorId = person.id }
            utterance.speakerLabel = resolver.storedLabel(entry.speaker, person: person)
        }
        report.note(turn, outcome)
        let stored = try inserter.append(utterance, origin: origin)
        for coding in entry.codings {
            guard let codes else { throw RoundtableError.rule("\(origin): a coding uses code \(coding.codeId), but the file has no codebook") }
            var span: TextSpan?
            if let given = coding.span {
                do {
                    span = try TextSpan.checked(start: given.start, end: given.end, in: stored.text)
                } catch let error as RoundtableError {
                    throw RoundtableError.rule("\(origin): \(error.message)")
                }
            }
            var row = Coding(codeId: try codes.localId(coding.codeId, at: origin), target: .utterance(stored.id!), span: span,
                             coder: try TextRules.token(coding.coder, what: "the coder"), createdAt: coding.createdAt)
            try row.insert(db)
            codings += 1
        }
    }

    /// The person behind an entry: the one the user mapped its label to; else its key when that
    /// person takes part here under the same name; else whoever the label names, if exactly one.
    static func speaker(of entry: TranscriptEntry, _ resolver: inout SpeakerResolver) -> SpeakerReport.Outcome {
        if let mapped = resolver.mappedKey(entry.speaker) { return .matched(mapped) }
        let speakers = resolver.speakers
        let given = entry.utterance.participantId.map { EntityKey(.participant, id: $0) }
            ?? entry.utterance.moderatorId.map { EntityKey(.moderator, id: $0) }
        if let given, speakers.key(forCandidate: "\(given)") != nil,
           UnicodeText.searchKey(speakers.label(for: given)) == UnicodeText.searchKey(entry.speaker) {
            return .matched(given)
        }
        return resolver.outcome(entry.speaker)
    }
}

/// The codes of a transcript document mapped to this workspace's codebook by path.
private struct CodeMapping {
    private var local: [Int64: Int64] = [:]
    private(set) var created = 0

    init(_ db: Database, _ codes: [Code], database: AppDatabase, file: String) throws {
        var codebook = try Codebook(db)
        let byId = Dictionary(codes.compactMap { code in code.id.map { ($0, code) } }, uniquingKeysWith: { first, _ in first })
        for code in codes {
            guard let id = code.id else { continue }
            var parent: Code?
            if let parentId = code.parentId {
                guard let mapped = local[parentId], let existing = codebook.code(mapped) else {
                    throw RoundtableError.rule("\(file): code \(id) ('\(code.name)') names parent \(parentId), "
                        + (byId[parentId] == nil ? "which the file does not define" : "which comes after it"))
                }
                parent = existing
            }
            let name = try Code.validateName(code.name)
            if let existing = codebook.child(named: name, of: parent?.id) {
                local[id] = existing.id
            } else {
                let inserted = try database.insertCode(db, &codebook, name: name, parent: parent,
                                                       description: try AppDatabase.checkedCodeDescription(code.description),
                                                       color: try code.color.map(Code.validateColor))
                local[id] = inserted.id
                created += 1
            }
        }
    }

    func localId(_ id: Int64, at origin: String) throws -> Int64 {
        guard let mapped = local[id] else { throw RoundtableError.rule("\(origin): a coding uses code \(id), which the file does not define") }
        return mapped
    }
}

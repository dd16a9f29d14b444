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
    /// checked against its utterance's text.
    public func importTranscript(session key: EntityKey, fileName: String, replace: Bool,
                                 feed: (any TranscriptSink) throws -> Void) throws -> TranscriptFileImportReport {
        let document = TranscriptDocument()
        try feed(document)
        guard !document.entries.isEmpty else { throw RoundtableError.rule("\(fileName): the transcript has no utterances") }
        return try write { db in
            let session = try Lookup.session(db, key)
            let speakers = try SessionSpeakers(db, session: session)
            let matcher = SpeakerMatcher(candidates: speakers.candidates)
            var report = SpeakerReport()
            var utterances: [Utterance] = []
            for entry in document.entries {
                let origin = "\(fileName):\(entry.line)"
                if !entry.codings.isEmpty, UnicodeText.composed(entry.utterance.text) != entry.utterance.text {
                    throw RoundtableError.rule("\(origin): the text is not in composed Unicode (NFC), so its coding offsets are ambiguous")
                }
                var utterance = entry.utterance
                utterance.participantId = nil
                utterance.moderatorId = nil
                let turn = TranscriptTurn(line: entry.line, speaker: entry.speaker, startMilliseconds: entry.utterance.startMs,
                                          text: entry.utterance.text)
                switch speaker(of: entry, speakers, matcher) {
                case .matched(let person):
                    if person.entity == .participant { utterance.participantId = person.id } else { utterance.moderatorId = person.id }
                    report.note(turn, .matched(person))
                case .ambiguous(let keys): report.note(turn, .ambiguous(keys))
                case .unmatched: report.note(turn, .unmatched)
                }
                utterances.append(utterance)
            }
            let entries = document.entries
            let replaced = try insertUtterances(db, session: session, utterances, replace: replace,
                                                origin: { "\(fileName):\(entries[$0].line)" })
            let ids = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
                db, sql: "SELECT sequence, id FROM utterance WHERE sessionId = ?", arguments: [key.id]
            ).map { (Int($0[0] as Int64), $0[1] as Int64) })
            let codes = try CodeMapping(db, document.codes, database: self, file: fileName)
            var codings = 0
            for (index, entry) in entries.enumerated() {
                let utterance = utterances[index]
                for coding in entry.codings {
                    let origin = "\(fileName):\(entry.line)"
                    let codeId = try codes.localId(coding.codeId, at: origin)
                    var span: TextSpan?
                    if let given = coding.span {
                        do {
                            span = try TextSpan.checked(start: given.start, end: given.end, in: utterance.text)
                        } catch let error as RoundtableError {
                            throw RoundtableError.rule("\(origin): \(error.message)")
                        }
                    }
                    var row = Coding(codeId: codeId, target: .utterance(ids[index + 1]!), span: span,
                                     coder: try TextRules.token(coding.coder, what: "the coder"), createdAt: coding.createdAt)
                    try row.insert(db)
                    codings += 1
                }
            }
            try audit(db, "transcript.import", "\(key)", "\(fileName): \(utterances.count) utterances, \(codings) codings, "
                + "\(report.matched.count) speakers matched, \(report.unmatched.count) unmatched, \(report.ambiguous.count) ambiguous")
            let transcript = TranscriptImportReport(session: key, utterances: utterances.count, replacedUtterances: replaced.utterances,
                                                    removedCodings: replaced.codings, matched: report.matched,
                                                    unmatched: report.unmatched, ambiguous: report.ambiguous)
            return TranscriptFileImportReport(transcript: transcript, codings: codings, codesCreated: codes.created)
        }
    }

    private enum SpeakerOutcome {
        case matched(EntityKey)
        case ambiguous([EntityKey])
        case unmatched
    }

    /// The person behind an entry: its key when that person takes part here under the same name,
    /// else whoever the label names, if exactly one.
    private func speaker(of entry: TranscriptEntry, _ speakers: SessionSpeakers, _ matcher: SpeakerMatcher) -> SpeakerOutcome {
        let label = UnicodeText.searchKey(entry.speaker)
        let given = entry.utterance.participantId.map { EntityKey(.participant, id: $0) }
            ?? entry.utterance.moderatorId.map { EntityKey(.moderator, id: $0) }
        if let given, speakers.key(forCandidate: "\(given)") != nil,
           UnicodeText.searchKey(speakers.label(for: given)) == label {
            return .matched(given)
        }
        switch matcher.match(entry.speaker) {
        case .matched(let id): return speakers.key(forCandidate: id).map(SpeakerOutcome.matched) ?? .unmatched
        case .ambiguous(let ids): return .ambiguous(ids.compactMap(speakers.key(forCandidate:)))
        case .unmatched: return .unmatched
        }
    }
}

/// Collects a transcript document as it is read.
private final class TranscriptDocument: TranscriptSink {
    var codes: [Code] = []
    var entries: [TranscriptEntry] = []

    func header(_ header: TranscriptHeader) throws {}
    func codebook(_ codes: [Code]) throws { self.codes = codes }
    func entry(_ entry: TranscriptEntry) throws { entries.append(entry) }
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

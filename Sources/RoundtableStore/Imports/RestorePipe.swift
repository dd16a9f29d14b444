import Foundation
import RoundtableCore

/// Runs a restore on two threads through a `Handoff`: the backup is parsed and validated on a
/// thread of its own while the records it yields are written on the caller's (the transaction's)
/// thread, in file order, 256 to a batch, at most 4 batches queued.
final class RestorePipe: WorkspaceSink {
    typealias Step = (any WorkspaceSink) throws -> Void

    private let put: (@escaping Step) throws -> Void

    private init(_ put: @escaping (@escaping Step) throws -> Void) { self.put = put }

    /// Sends the parse `feed` gives it to `sink`: `feed` runs on a new thread, `sink` on this one.
    static func run(_ feed: (any WorkspaceSink) throws -> Void, into sink: any WorkspaceSink) throws {
        try Handoff<Step>.run(produce: { (put: @escaping (@escaping Step) throws -> Void) in try feed(RestorePipe(put)) },
                              consume: { take in while let step = try take() { try step(sink) } })
    }

    func begin(_ section: WorkspaceSection) throws { try put { try $0.begin(section) } }
    func end(_ section: WorkspaceSection) throws { try put { try $0.end(section) } }
    func moderator(_ moderator: Moderator) throws { try put { try $0.moderator(moderator) } }
    func panel(_ panel: Panel) throws { try put { try $0.panel(panel) } }
    func importBatch(_ batch: ImportBatch) throws { try put { try $0.importBatch(batch) } }
    func participant(_ record: ParticipantRecord) throws { try put { try $0.participant(record) } }
    func session(_ record: SessionRecord) throws { try put { try $0.session(record) } }
    func concept(_ concept: Concept) throws { try put { try $0.concept(concept) } }
    func presentation(_ record: PresentationRecord) throws { try put { try $0.presentation(record) } }
    func reaction(_ record: ReactionRecord) throws { try put { try $0.reaction(record) } }
    func utterance(_ utterance: Utterance) throws {
        // Folded on this, the parsing thread, which has time to spare; the writing one has none.
        let searchText = UnicodeText.searchKey(utterance.text)
        try put { sink in
            guard let indexing = sink as? any SearchIndexingSink else { return try sink.utterance(utterance) }
            try indexing.utterance(utterance, searchText: searchText)
        }
    }
    func note(_ note: Note) throws { try put { try $0.note(note) } }
    func commentCard(_ record: CommentCardRecord) throws { try put { try $0.commentCard(record) } }
    func surveyResponse(_ response: SurveyResponse) throws { try put { try $0.surveyResponse(response) } }
    func code(_ code: Code) throws { try put { try $0.code(code) } }
    func codingBatch(_ batch: CodingBatch) throws { try put { try $0.codingBatch(batch) } }
    func coding(_ coding: Coding) throws { try put { try $0.coding(coding) } }
    func refiIdentity(_ identity: REFIIdentity) throws { try put { try $0.refiIdentity(identity) } }
    func auditEntry(_ entry: AuditEntry) throws { try put { try $0.auditEntry(entry) } }
    // Queued, not run: the line belongs to the record that follows it in the queue. A refusal to
    // queue (the writer has stopped) comes back from the next record's call.
    func locate(line: Int) { try? put { $0.locate(line: line) } }
}

/// A sink that indexes utterances for search itself and takes their search form ready-made.
protocol SearchIndexingSink: WorkspaceSink {
    /// `utterance`, whose `UnicodeText.searchKey` is `searchText`.
    func utterance(_ utterance: Utterance, searchText: String) throws
}

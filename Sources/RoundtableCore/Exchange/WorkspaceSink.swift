import Foundation

/// A session with its moderators and seats, as backups carry it.
public struct SessionRecord: Sendable {
    public var session: Session
    public var panelKey: String?
    public var moderators: [EntityKey]
    public var seats: [(participant: EntityKey, seat: Seat)]

    /// Creates a record.
    public init(session: Session, panelKey: String?, moderators: [EntityKey], seats: [(participant: EntityKey, seat: Seat)]) {
        self.session = session
        self.panelKey = panelKey
        self.moderators = moderators
        self.seats = seats
    }
}

/// The parts of a workspace backup, in the order they are written and read.
public enum WorkspaceSection: String, Sendable, CaseIterable {
    case moderators, panels, importBatches, participants, sessions
    case concepts, presentations, reactions, utterances, notes, commentCards, surveyResponses, codebook
    /// Codings made together by one search (format version 3).
    case codingBatches
    case codings
    case refiIdentities
    case auditLog
}

/// Receives a whole workspace, section by section, one record at a time: the store feeds a file
/// writer on export, and a file reader feeds the store on restore.
public protocol WorkspaceSink {
    /// A section starts; records of that section follow.
    func begin(_ section: WorkspaceSection) throws
    /// The section ends.
    func end(_ section: WorkspaceSection) throws
    func moderator(_ moderator: Moderator) throws
    func panel(_ panel: Panel) throws
    func importBatch(_ batch: ImportBatch) throws
    func participant(_ record: ParticipantRecord) throws
    func session(_ record: SessionRecord) throws
    func concept(_ concept: Concept) throws
    func presentation(_ record: PresentationRecord) throws
    func reaction(_ record: ReactionRecord) throws
    func utterance(_ utterance: Utterance) throws
    func note(_ note: Note) throws
    func commentCard(_ record: CommentCardRecord) throws
    func surveyResponse(_ response: SurveyResponse) throws
    func code(_ code: Code) throws
    func codingBatch(_ batch: CodingBatch) throws
    func coding(_ coding: Coding) throws
    func refiIdentity(_ identity: REFIIdentity) throws
    func auditEntry(_ entry: AuditEntry) throws
    /// The record that follows starts at `line` of the file being read (0 when unknown).
    func locate(line: Int)
}

extension WorkspaceSink {
    /// Writers have no use for where a record came from.
    public func locate(line: Int) {}
}

import Foundation
import FuzzSupport
import RoundtableCore
import RoundtableXML

/// A workspace backup, as `import workspace FILE` reads it, into a sink that keeps nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkspaceReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.one(data, size) { bytes in
        let reader = try WorkspaceReader(path: Fuzz.file("workspace.xml", bytes))
        try reader.read(into: CountingSink())
        _ = reader.warningMessages
    }
}

/// Takes every record and drops it: the restore's rules are the store's, not the reader's.
final class CountingSink: WorkspaceSink {
    var records = 0
    func begin(_ section: WorkspaceSection) throws { records += 1 }
    func end(_ section: WorkspaceSection) throws { records += 1 }
    func moderator(_ moderator: Moderator) throws { records += 1 }
    func panel(_ panel: Panel) throws { records += 1 }
    func importBatch(_ batch: ImportBatch) throws { records += 1 }
    func participant(_ record: ParticipantRecord) throws { records += 1 }
    func session(_ record: SessionRecord) throws { records += 1 }
    func concept(_ concept: Concept) throws { records += 1 }
    func presentation(_ record: PresentationRecord) throws { records += 1 }
    func reaction(_ record: ReactionRecord) throws { records += 1 }
    func utterance(_ utterance: Utterance) throws { records += 1 }
    func note(_ note: Note) throws { records += 1 }
    func commentCard(_ record: CommentCardRecord) throws { records += 1 }
    func surveyResponse(_ response: SurveyResponse) throws { records += 1 }
    func code(_ code: Code) throws { records += 1 }
    func codingBatch(_ batch: CodingBatch) throws { records += 1 }
    func coding(_ coding: Coding) throws { records += 1 }
    func refiIdentity(_ identity: REFIIdentity) throws { records += 1 }
    func auditEntry(_ entry: AuditEntry) throws { records += 1 }
}

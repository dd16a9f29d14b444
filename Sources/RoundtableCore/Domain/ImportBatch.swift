import Foundation

/// One import of a partner's file: where rows came from, and what the import did with them.
public struct ImportBatch: Codable, Hashable, Sendable {
    public var id: Int64?
    public var partner: String
    public var fileName: String
    public var sha256: String
    public var importedAt: Date
    public var newCount: Int
    public var updatedCount: Int
    public var unchangedCount: Int
    public var rejectedCount: Int

    /// Creates a batch with zero counts.
    public init(id: Int64? = nil, partner: String, fileName: String, sha256: String, importedAt: Date,
                newCount: Int = 0, updatedCount: Int = 0, unchangedCount: Int = 0, rejectedCount: Int = 0) {
        self.id = id
        self.partner = partner
        self.fileName = fileName
        self.sha256 = sha256
        self.importedAt = importedAt
        self.newCount = newCount
        self.updatedCount = updatedCount
        self.unchangedCount = unchangedCount
        self.rejectedCount = rejectedCount
    }
}

/// A partner's own id for a participant, and the import batch that last brought it.
public struct ExternalReference: Codable, Hashable, Sendable {
    public var participantId: Int64
    public var partner: String
    public var externalId: String
    public var importBatchId: Int64?

    /// Creates a reference.
    public init(participantId: Int64, partner: String, externalId: String, importBatchId: Int64? = nil) {
        self.participantId = participantId
        self.partner = partner
        self.externalId = externalId
        self.importBatchId = importBatchId
    }
}

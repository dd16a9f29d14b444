import Foundation

/// Codings made together by one search (`code apply --search`), so they can be taken back together.
public struct CodingBatch: Codable, Hashable, Sendable {
    /// The batch number users name it by.
    public var id: Int64?
    public var codeId: Int64
    /// The search as typed.
    public var query: String
    /// How the search was narrowed, as the user gave it: `session S-0001, speaker P-000001, whole utterances`.
    public var scope: String
    /// Who the codings are recorded for.
    public var coder: String
    public var createdAt: Date

    /// Creates a batch.
    public init(id: Int64? = nil, codeId: Int64, query: String, scope: String, coder: String, createdAt: Date) {
        self.id = id
        self.codeId = codeId
        self.query = query
        self.scope = scope
        self.coder = coder
        self.createdAt = createdAt
    }
}

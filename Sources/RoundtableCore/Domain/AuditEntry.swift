import Foundation

/// One line of the append-only audit log: who did what to which entity, when.
public struct AuditEntry: Codable, Hashable, Sendable {
    public var id: Int64?
    public var at: Date
    public var actor: String
    /// Dotted verb such as `session.schedule`.
    public var action: String
    /// The entity's key, such as `S-0003` or `nordic-cab`.
    public var subject: String
    public var detail: String

    /// Creates an audit entry.
    public init(id: Int64? = nil, at: Date, actor: String, action: String, subject: String, detail: String = "") {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}

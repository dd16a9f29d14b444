import Foundation

/// A member of staff who runs sessions.
public struct Moderator: Codable, Hashable, Sendable {
    public var id: Int64?
    public var name: String
    public var email: String
    /// IANA zone the moderator works in.
    public var timeZone: String
    public var createdAt: Date

    /// Creates a moderator; the name is stored in composed Unicode.
    public init(id: Int64? = nil, name: String, email: String, timeZone: String, createdAt: Date) {
        self.id = id
        self.name = UnicodeText.composed(name)
        self.email = email
        self.timeZone = timeZone
        self.createdAt = createdAt
    }

    /// `M-0001`.
    public var key: EntityKey { EntityKey(.moderator, id: id ?? 0) }
}

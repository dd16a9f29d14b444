import Foundation

/// How a comment card reached the team.
public enum CommentChannel: String, Codable, Sendable, CaseIterable {
    case paper, email, web, phone
}

/// A comment card: free feedback, from a known participant or anonymous.
public struct CommentCard: Codable, Hashable, Sendable {
    public var id: Int64?
    public var participantId: Int64?
    public var panelId: Int64?
    public var channel: CommentChannel?
    /// Overall rating, 1–5, when one was given.
    public var rating: Int?
    public var text: String
    public var receivedAt: Date

    /// Creates a comment card.
    public init(id: Int64? = nil, participantId: Int64? = nil, panelId: Int64? = nil, channel: CommentChannel? = nil,
                rating: Int? = nil, text: String, receivedAt: Date) {
        self.id = id
        self.participantId = participantId
        self.panelId = panelId
        self.channel = channel
        self.rating = rating
        self.text = text
        self.receivedAt = receivedAt
    }

    /// `C-0001`.
    public var key: EntityKey { EntityKey(.commentCard, id: id ?? 0) }
}

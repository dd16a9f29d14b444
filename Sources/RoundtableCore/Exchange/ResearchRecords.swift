import Foundation

/// A concept shown in a session, as backups carry it: by keys, not row ids.
public struct PresentationRecord: Sendable, Equatable {
    public var session: EntityKey
    public var concept: String
    public var position: Int

    /// Creates a record.
    public init(session: EntityKey, concept: String, position: Int) {
        self.session = session
        self.concept = concept
        self.position = position
    }
}

/// A reaction with the session and concept of its presentation, as backups carry it.
public struct ReactionRecord: Sendable, Equatable {
    public var reaction: Reaction
    public var session: EntityKey
    public var concept: String

    /// Creates a record.
    public init(reaction: Reaction, session: EntityKey, concept: String) {
        self.reaction = reaction
        self.session = session
        self.concept = concept
    }
}

/// The GUID a REFI-QDA export gave something that has no `guid` of its own (a session, a
/// participant, a coder, …), kept so later exports, and restored workspaces, name it the same way.
public struct REFIIdentity: Sendable, Equatable {
    public var kind: String
    public var key: String
    public var guid: String

    /// Creates an identity.
    public init(kind: String, key: String, guid: String) {
        self.kind = kind
        self.key = key
        self.guid = guid
    }
}

/// A comment card with the key of its panel, as backups carry it.
public struct CommentCardRecord: Sendable, Equatable {
    public var card: CommentCard
    public var panelKey: String?

    /// Creates a record.
    public init(card: CommentCard, panelKey: String?) {
        self.card = card
        self.panelKey = panelKey
    }
}

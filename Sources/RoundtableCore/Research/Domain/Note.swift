import Foundation

/// What a note records.
public enum NoteKind: String, Codable, Sendable, CaseIterable {
    case observation, quote, action
}

/// A moderator's or observer's note on a session, optionally at a time into it.
public struct Note: Codable, Hashable, Sendable {
    public var id: Int64?
    public var sessionId: Int64
    /// Milliseconds from the start of the session, when the note is tied to a moment.
    public var atMs: Int?
    public var kind: NoteKind
    public var text: String
    /// Who wrote it (the user name recorded in the audit log).
    public var author: String
    public var createdAt: Date
    /// When an action was done; open actions have none.
    public var closedAt: Date?
    /// The note's GUID in REFI-QDA exchange.
    public var guid: String

    /// Creates a note.
    public init(id: Int64? = nil, sessionId: Int64, atMs: Int? = nil, kind: NoteKind, text: String, author: String,
                createdAt: Date, closedAt: Date? = nil, guid: String = GUID.make()) {
        self.id = id
        self.guid = guid
        self.sessionId = sessionId
        self.atMs = atMs
        self.kind = kind
        self.text = text
        self.author = author
        self.createdAt = createdAt
        self.closedAt = closedAt
    }

    /// `N-0001`.
    public var key: EntityKey { EntityKey(.note, id: id ?? 0) }

    /// Whether this is an action nobody has closed yet.
    public var isOpenAction: Bool { kind == .action && closedAt == nil }
}

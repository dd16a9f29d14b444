import Foundation

/// What a panel is for.
public enum PanelKind: String, Codable, Sendable, CaseIterable {
    /// Continuing membership with terms and a charter or NDA.
    case advisoryBoard = "advisory-board"
    /// People to recruit focus groups from.
    case pool
}

/// A customer advisory board or a recruitment pool.
public struct Panel: Codable, Hashable, Sendable {
    public var id: Int64?
    /// Slug such as `nordic-cab`.
    public var key: String
    public var name: String
    public var kind: PanelKind
    public var description: String?
    public var archivedAt: Date?
    public var createdAt: Date

    /// Creates a panel.
    public init(id: Int64? = nil, key: String, name: String, kind: PanelKind, description: String? = nil,
                archivedAt: Date? = nil, createdAt: Date) {
        self.id = id
        self.key = key
        self.name = UnicodeText.composed(name)
        self.kind = kind
        self.description = description
        self.archivedAt = archivedAt
        self.createdAt = createdAt
    }

    /// Whether the panel was archived.
    public var isArchived: Bool { archivedAt != nil }
}

/// Where a person stands on a panel.
public enum MembershipStatus: String, Codable, Sendable, CaseIterable {
    case active, paused, alumni
}

/// A participant's place on a panel.
public struct Membership: Codable, Hashable, Sendable {
    public var id: Int64?
    public var panelId: Int64
    public var participantId: Int64
    public var role: String
    public var joinedAt: Date
    /// Last day of the term, `yyyy-MM-dd`, for advisory boards.
    public var termEnd: String?
    public var status: MembershipStatus
    public var leftAt: Date?
    public var ndaSignedAt: Date?

    /// Creates an active membership.
    public init(id: Int64? = nil, panelId: Int64, participantId: Int64, role: String, joinedAt: Date,
                termEnd: String? = nil, status: MembershipStatus = .active, leftAt: Date? = nil,
                ndaSignedAt: Date? = nil) {
        self.id = id
        self.panelId = panelId
        self.participantId = participantId
        self.role = role
        self.joinedAt = joinedAt
        self.termEnd = termEnd
        self.status = status
        self.leftAt = leftAt
        self.ndaSignedAt = ndaSignedAt
    }
}

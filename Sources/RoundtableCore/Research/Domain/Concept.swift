import Foundation

/// A product or service idea shown to participants, named by a slug such as `eco-box`.
public struct Concept: Codable, Hashable, Sendable {
    public var id: Int64?
    public var key: String
    public var title: String
    public var description: String?
    /// The concept's own version label, such as `v2` or `2027-spring`.
    public var version: String?
    public var createdAt: Date

    /// Creates a concept.
    public init(id: Int64? = nil, key: String, title: String, description: String? = nil, version: String? = nil,
                createdAt: Date) {
        self.id = id
        self.key = key
        self.title = title
        self.description = description
        self.version = version
        self.createdAt = createdAt
    }

    /// Checks a concept key: the same slug rules as panel keys (`eco-box`).
    public static func validateKey(_ key: String) throws -> String {
        do {
            return try PanelKey.validate(key)
        } catch {
            throw RoundtableError.usage("concept key '\(key)' must be 2–40 lower-case letters, digits or dashes, like eco-box")
        }
    }
}

/// A concept shown in a session, at a position in the order shown (1 = first).
public struct Presentation: Codable, Hashable, Sendable {
    public var id: Int64?
    public var sessionId: Int64
    public var conceptId: Int64
    public var position: Int

    /// Creates a presentation.
    public init(id: Int64? = nil, sessionId: Int64, conceptId: Int64, position: Int) {
        self.id = id
        self.sessionId = sessionId
        self.conceptId = conceptId
        self.position = position
    }
}

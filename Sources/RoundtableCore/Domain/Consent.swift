import Foundation

/// What a participant may consent to.
public enum ConsentScope: String, Codable, Sendable, CaseIterable {
    case contact, recording, transcript, quotes
}

/// One recorded consent decision; the latest per scope is the one in force.
public struct Consent: Codable, Hashable, Sendable {
    public var id: Int64?
    public var participantId: Int64
    public var scope: ConsentScope
    /// Version of the consent text, such as `2026-01`.
    public var version: String
    public var given: Bool
    public var recordedAt: Date

    /// Creates a consent decision.
    public init(id: Int64? = nil, participantId: Int64, scope: ConsentScope, version: String, given: Bool,
                recordedAt: Date) {
        self.id = id
        self.participantId = participantId
        self.scope = scope
        self.version = version
        self.given = given
        self.recordedAt = recordedAt
    }
}

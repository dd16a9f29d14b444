import Foundation

/// Where a session is in its life: draft → scheduled → in-progress → completed, or cancelled.
public enum SessionStatus: String, Codable, Sendable, CaseIterable {
    case draft
    case scheduled
    case inProgress = "in-progress"
    case completed
    case cancelled

    /// Whether the session can move to `next`; status only ever moves forward.
    public func canMove(to next: SessionStatus) -> Bool {
        switch (self, next) {
        case (.draft, .scheduled), (.scheduled, .inProgress), (.inProgress, .completed),
             (.scheduled, .completed):
            true
        case (.draft, .cancelled), (.scheduled, .cancelled), (.inProgress, .cancelled):
            true
        default:
            false
        }
    }

    /// Whether the session still takes part in clash checks.
    public var holdsTime: Bool { self != .cancelled }

    /// Whether the session is over, one way or the other.
    public var isFinal: Bool { self == .completed || self == .cancelled }

    /// Refuses `action` unless the session is in one of `allowed`.
    public func require(_ allowed: Set<SessionStatus>, to action: String, session key: EntityKey) throws {
        guard allowed.contains(self) else {
            throw RoundtableError.rule("cannot \(action) \(key): it is \(rawValue)")
        }
    }
}

import Foundation

/// Where a participant stands in a session: invited → confirmed/declined → attended/no-show.
public enum SeatStatus: String, Codable, Sendable, CaseIterable {
    case invited, confirmed, declined, attended
    case noShow = "no-show"

    /// Whether the seat keeps the person's time blocked for clash checks.
    public var holdsTime: Bool { self != .declined }

    /// Whether the seat counts against capacity + reserve.
    public var takesPlace: Bool { self == .confirmed || self == .attended }

    /// What the seat becomes when its session is completed: confirmed people never marked as
    /// attended did not come. Nil leaves the seat as it is.
    public var afterCompletion: SeatStatus? {
        self == .confirmed ? .noShow : nil
    }

    /// Whether the seat can move to `next`.
    public func canMove(to next: SeatStatus) -> Bool {
        switch (self, next) {
        case (.invited, .confirmed), (.invited, .declined),
             (.confirmed, .declined), (.declined, .confirmed),
             (.invited, .attended), (.confirmed, .attended), (.confirmed, .noShow), (.invited, .noShow),
             (.attended, .noShow), (.noShow, .attended):
            true
        default:
            false
        }
    }
}

/// A participant's seat in a session.
public struct Seat: Codable, Hashable, Sendable {
    public var id: Int64?
    public var sessionId: Int64
    public var participantId: Int64
    public var status: SeatStatus
    public var invitedAt: Date
    public var updatedAt: Date

    /// Creates an invitation.
    public init(id: Int64? = nil, sessionId: Int64, participantId: Int64, status: SeatStatus = .invited,
                invitedAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.sessionId = sessionId
        self.participantId = participantId
        self.status = status
        self.invitedAt = invitedAt
        self.updatedAt = updatedAt ?? invitedAt
    }
}

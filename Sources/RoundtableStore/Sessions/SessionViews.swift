import Foundation
import RoundtableCore

/// What `session schedule` is given.
public struct SessionPlan: Sendable {
    public var title: String
    public var kind: SessionKind
    /// The start as typed: ISO 8601 with an offset, or a local time read in `timeZone`.
    public var start: String
    /// The zone the session is planned in; nil means the first moderator's zone.
    public var timeZone: String?
    public var durationMinutes: Int
    public var moderators: [EntityKey]
    public var panel: String?
    public var channel: Channel
    public var room: String?
    public var capacity: Int
    public var reserve: Int
    /// Whether a start in the past is accepted (recording a session that already happened).
    public var allowPast: Bool

    /// Creates a plan.
    public init(title: String, kind: SessionKind = .focusGroup, start: String, timeZone: String?, durationMinutes: Int,
                moderators: [EntityKey], panel: String? = nil, channel: Channel = .inPerson, room: String? = nil,
                capacity: Int, reserve: Int = 0, allowPast: Bool = false) {
        self.title = title
        self.kind = kind
        self.start = start
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.moderators = moderators
        self.panel = panel
        self.channel = channel
        self.room = room
        self.capacity = capacity
        self.reserve = reserve
        self.allowPast = allowPast
    }
}

/// Which sessions `session list` shows.
public struct SessionFilter: Sendable {
    /// Only sessions that have not ended and are not over.
    public var upcoming = false
    public var panel: String?
    public var moderator: EntityKey?
    public var limit: Int?

    /// Every session.
    public init(upcoming: Bool = false, panel: String? = nil, moderator: EntityKey? = nil, limit: Int? = nil) {
        self.upcoming = upcoming
        self.panel = panel
        self.moderator = moderator
        self.limit = limit
    }
}

/// A participant's seat as a session sees it.
public struct SessionSeat: Sendable {
    public var participant: Participant
    public var seat: Seat
}

/// A session with its panel, moderators and seats.
public struct SessionDetails: Sendable {
    public var session: Session
    public var panelKey: String?
    public var moderators: [Moderator]
    /// How many seats are in each state.
    public var seatCounts: [SeatStatus: Int]
    /// Every seat, filled only for `session show`.
    public var seats: [SessionSeat]

    /// Seats that count against capacity.
    public var takenSeats: Int { seatCounts.filter { $0.key.takesPlace }.map(\.value).reduce(0, +) }
}

/// What `session complete` did.
public struct CompletionSummary: Sendable {
    public var session: Session
    public var attended: Int
    /// Confirmed people not marked as attended, now recorded as no-shows.
    public var markedNoShow: [EntityKey]
}

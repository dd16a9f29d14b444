import Foundation

/// What sort of meeting a session is.
public enum SessionKind: String, Codable, Sendable, CaseIterable {
    case focusGroup = "focus-group"
    case advisoryMeeting = "advisory-meeting"
    case interview
}

/// How people attend.
public enum Channel: String, Codable, Sendable, CaseIterable {
    case inPerson = "in-person"
    case video
    case phone
}

/// A scheduled meeting with participants and moderators.
public struct Session: Codable, Hashable, Sendable {
    public var id: Int64?
    public var panelId: Int64?
    public var title: String
    public var kind: SessionKind
    public var startsAt: Date
    public var endsAt: Date
    /// The IANA zone the session was planned in.
    public var timeZone: String
    public var durationMinutes: Int
    public var channel: Channel
    public var room: String?
    /// The room folded for clash checks, so "Sali 1" and "sali 1" are one room.
    public var roomKey: String?
    public var capacity: Int
    public var reserve: Int
    public var status: SessionStatus
    public var cancelReason: String?
    /// Grows by one with every reschedule; calendars use it to replace older copies.
    public var revision: Int
    public var createdAt: Date

    /// Creates a session; `endsAt` follows from the start and duration.
    public init(id: Int64? = nil, panelId: Int64? = nil, title: String, kind: SessionKind, startsAt: Date,
                timeZone: String, durationMinutes: Int, channel: Channel, room: String? = nil,
                capacity: Int, reserve: Int = 0, status: SessionStatus = .scheduled,
                cancelReason: String? = nil, revision: Int = 0, createdAt: Date) {
        self.id = id
        self.panelId = panelId
        self.title = UnicodeText.composed(title)
        self.kind = kind
        self.startsAt = startsAt
        self.endsAt = startsAt.addingTimeInterval(TimeInterval(durationMinutes * 60))
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.channel = channel
        self.room = room.map(UnicodeText.composed)
        self.roomKey = room.map(UnicodeText.searchKey)
        self.capacity = capacity
        self.reserve = reserve
        self.status = status
        self.cancelReason = cancelReason
        self.revision = revision
        self.createdAt = createdAt
    }

    /// The longest a session may last; clash queries rely on it to bound their search.
    public static let maximumDurationMinutes = 24 * 60

    /// `S-0001`.
    public var key: EntityKey { EntityKey(.session, id: id ?? 0) }

    /// The earliest start a session overlapping an instant could have.
    public static func earliestStart(overlapping instant: Date) -> Date {
        instant.addingTimeInterval(-TimeInterval(maximumDurationMinutes * 60))
    }

    /// The zone the session was planned in.
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? Zone.utc }

    /// The most confirmed seats the session can hold.
    public var seatLimit: Int { capacity + reserve }

    /// Whether this session's time overlaps another span (touching ends do not overlap).
    public func overlaps(start: Date, end: Date) -> Bool {
        startsAt < end && start < endsAt
    }

    /// Moves the session, keeping the end in step and counting the revision.
    public mutating func move(to start: Date, durationMinutes minutes: Int) {
        startsAt = start
        durationMinutes = minutes
        endsAt = start.addingTimeInterval(TimeInterval(minutes * 60))
        revision += 1
    }

    /// Checks the values a user gave when scheduling.
    public static func validate(title: String, capacity: Int, reserve: Int) throws {
        _ = try TextRules.name(title, what: "a session's --title")
        guard (1...500).contains(capacity) else {
            throw RoundtableError.usage("--capacity must be between 1 and 500, not \(capacity)")
        }
        guard (0...100).contains(reserve) else {
            throw RoundtableError.usage("--reserve must be between 0 and 100, not \(reserve)")
        }
    }
}

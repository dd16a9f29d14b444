import Foundation

/// A session that takes someone's or somewhere's time, as a clash check sees it.
public struct BookedSlot: Sendable, Hashable {
    public var session: EntityKey
    public var title: String
    public var start: Date
    public var end: Date

    /// Creates a slot.
    public init(session: EntityKey, title: String, start: Date, end: Date) {
        self.session = session
        self.title = title
        self.start = start
        self.end = end
    }
}

/// Who or what a clash is about.
public enum ClashSubject: Sendable, Hashable, CustomStringConvertible {
    case moderator(EntityKey, name: String)
    case participant(EntityKey, name: String)
    case room(String)

    public var description: String {
        switch self {
        case .moderator(let key, let name): "moderator \(key) (\(name))"
        case .participant(let key, let name): "participant \(key) (\(name))"
        case .room(let room): "room '\(room)'"
        }
    }
}

/// Time rules for scheduling: no one and no room in two overlapping sessions, no start in the past.
public enum ScheduleRules {
    /// Refuses the first booked slot that overlaps `start..<end` for `subject`.
    public static func checkNoClash(_ subject: ClashSubject, start: Date, end: Date, booked: [BookedSlot],
                                    zone: TimeZone, ignoring: EntityKey? = nil) throws {
        guard let clash = booked.first(where: { $0.session != ignoring && $0.start < end && start < $0.end }) else {
            return
        }
        throw RoundtableError.rule(
            "\(subject) is already in \(clash.session) '\(clash.title)' "
                + "\(TimeFormat.short(clash.start, zone))–\(TimeFormat.clock(clash.end, zone)) \(Zone.name(of: zone))")
    }

    /// Refuses a start in the past unless the user said they are recording a past session.
    public static func checkStart(_ start: Date, now: Date, allowPast: Bool) throws {
        guard allowPast || start >= now else {
            throw RoundtableError.rule(
                "start \(TimeFormat.utc(start)) is in the past (give --allow-past to record a session that already happened)")
        }
    }
}

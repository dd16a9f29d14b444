import Foundation
import RoundtableCore
import RoundtableStore

/// A session as scripts see it; `session show` adds the seated participants.
struct SessionJSON: Encodable {
    /// A seated participant and where their seat stands.
    struct SeatJSON: Encodable { var key: String; var name: String; var seat: String }

    var key: String
    var title: String
    var kind: String
    var status: String
    var start: String
    var end: String
    /// Start and end with their offset, in `--tz` when given, else in the session's own zone.
    var localStart: String
    var localEnd: String
    /// The zone the session was planned in.
    var timeZone: String
    var durationMinutes: Int
    var panel: String?
    var channel: String
    var room: String?
    var moderators: [PersonRefJSON]
    var capacity: Int
    var reserve: Int
    var seats: SeatCountsJSON
    var revision: Int
    var cancelReason: String?
    /// Only `session show` lists them.
    var participants: [SeatJSON]?

    init(_ details: SessionDetails, viewer: TimeZone?, withParticipants: Bool = false) {
        let session = details.session
        key = "\(session.key)"
        title = session.title
        kind = session.kind.rawValue
        status = session.status.rawValue
        start = TimeFormat.utc(session.startsAt)
        end = TimeFormat.utc(session.endsAt)
        localStart = TimeFormat.local(session.startsAt, viewer ?? session.zone)
        localEnd = TimeFormat.local(session.endsAt, viewer ?? session.zone)
        timeZone = session.timeZone
        durationMinutes = session.durationMinutes
        panel = details.panelKey
        channel = session.channel.rawValue
        room = session.room
        moderators = details.moderators.map { PersonRefJSON(key: "\($0.key)", name: $0.name) }
        capacity = session.capacity
        reserve = session.reserve
        seats = SeatCountsJSON(details.seatCounts)
        revision = session.revision
        cancelReason = session.cancelReason
        participants = withParticipants ? details.seats.map {
            SeatJSON(key: "\($0.participant.key)", name: $0.participant.displayName, seat: $0.seat.status.rawValue)
        } : nil
    }

    private enum CodingKeys: String, CodingKey {
        case key, title, kind, status, start, end, localStart, localEnd, timeZone, durationMinutes, panel, channel, room
        case moderators, capacity, reserve, seats, revision, cancelReason, participants
    }

    // By hand so an empty room or panel is an explicit null, and only `show` has participants.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(title, forKey: .title)
        try container.encode(kind, forKey: .kind)
        try container.encode(status, forKey: .status)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(localStart, forKey: .localStart)
        try container.encode(localEnd, forKey: .localEnd)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(durationMinutes, forKey: .durationMinutes)
        try container.encode(panel, forKey: .panel)
        try container.encode(channel, forKey: .channel)
        try container.encode(room, forKey: .room)
        try container.encode(moderators, forKey: .moderators)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(reserve, forKey: .reserve)
        try container.encode(seats, forKey: .seats)
        try container.encode(revision, forKey: .revision)
        try container.encode(cancelReason, forKey: .cancelReason)
        try container.encodeIfPresent(participants, forKey: .participants)
    }
}

/// How many seats are in each state, every state present, keys in camelCase (`noShow`).
struct SeatCountsJSON: Encodable {
    var invited: Int, confirmed: Int, declined: Int, attended: Int, noShow: Int

    init(_ counts: [SeatStatus: Int]) {
        invited = counts[.invited] ?? 0
        confirmed = counts[.confirmed] ?? 0
        declined = counts[.declined] ?? 0
        attended = counts[.attended] ?? 0
        noShow = counts[.noShow] ?? 0
    }
}

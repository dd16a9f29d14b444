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
    @JSONNullable var panel: String?
    var channel: String
    @JSONNullable var room: String?
    var moderators: [PersonRefJSON]
    var capacity: Int
    var reserve: Int
    var seats: SeatCountsJSON
    var revision: Int
    @JSONNullable var cancelReason: String?
    /// Only `session show` lists them (left out of `session list`, whose sessions come without seats).
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

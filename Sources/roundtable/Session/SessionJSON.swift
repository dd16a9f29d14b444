import Foundation
import RoundtableCore
import RoundtableStore

/// A session as scripts see it.
struct SessionJSON: Encodable {
    struct ModeratorRef: Encodable { var key: String; var name: String }
    struct SeatJSON: Encodable { var key: String; var name: String; var status: String }

    var key: String
    var title: String
    var kind: String
    var status: String
    var start: String
    var end: String
    var timeZone: String
    var localStart: String
    /// The start in the zone asked for with `--tz`, when one was.
    var viewerStart: String?
    var durationMinutes: Int
    var panel: String?
    var channel: String
    var room: String?
    var moderators: [ModeratorRef]
    var capacity: Int
    var reserve: Int
    var seats: [String: Int]
    var revision: Int
    var cancelReason: String?
    var participants: [SeatJSON]?

    init(_ details: SessionDetails, viewer: TimeZone?) {
        let session = details.session
        key = "\(session.key)"
        title = session.title
        kind = session.kind.rawValue
        status = session.status.rawValue
        start = TimeFormat.utc(session.startsAt)
        end = TimeFormat.utc(session.endsAt)
        timeZone = session.timeZone
        localStart = TimeFormat.local(session.startsAt, session.zone)
        viewerStart = viewer.map { TimeFormat.local(session.startsAt, $0) }
        durationMinutes = session.durationMinutes
        panel = details.panelKey
        channel = session.channel.rawValue
        room = session.room
        moderators = details.moderators.map { ModeratorRef(key: "\($0.key)", name: $0.name) }
        capacity = session.capacity
        reserve = session.reserve
        seats = Dictionary(uniqueKeysWithValues: SeatStatus.allCases.map { ($0.rawValue, details.seatCounts[$0] ?? 0) })
        revision = session.revision
        cancelReason = session.cancelReason
        participants = details.seats.isEmpty ? nil : details.seats.map {
            SeatJSON(key: "\($0.participant.key)", name: $0.participant.displayName, status: $0.seat.status.rawValue)
        }
    }
}

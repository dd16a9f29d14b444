import Foundation
import RoundtableCore

/// A session as other outputs list it: key, title, status, start as a UTC instant and as local time.
struct SessionRefJSON: Encodable {
    var key: String
    var title: String
    var status: String
    var start: String
    /// The start with its offset, in `--tz` when given, else in the session's own zone.
    var localStart: String
    /// The zone the session was planned in.
    var timeZone: String

    init(_ session: Session, viewer: TimeZone?) {
        key = "\(session.key)"
        title = session.title
        status = session.status.rawValue
        start = TimeFormat.utc(session.startsAt)
        localStart = TimeFormat.local(session.startsAt, viewer ?? session.zone)
        timeZone = session.timeZone
    }
}

/// A person other outputs name: a participant or a moderator.
struct PersonRefJSON: Encodable {
    var key: String
    var name: String
}

import Foundation
import RoundtableCore
import RoundtableStore

/// The schedule as a table: in each session's own zone, or all in the viewer's `--tz`.
enum SessionTable {
    static func render(_ sessions: [SessionDetails], viewer: TimeZone?) -> String {
        var table = Table("KEY", "START", "ZONE", "LENGTH", "TITLE", "MODERATORS", "SEATS", "STATUS")
        for details in sessions {
            let session = details.session
            let zone = viewer ?? session.zone
            table.add("\(session.key)", TimeFormat.short(session.startsAt, zone), Zone.name(of: zone),
                      "\(session.durationMinutes)m", session.title,
                      details.moderators.map(\.name).joined(separator: ", "), seats(details), session.status.rawValue)
        }
        return table.render()
    }

    /// `5/8+2`: seats taken of capacity plus reserve, with invitations still open.
    static func seats(_ details: SessionDetails) -> String {
        let session = details.session
        var text = "\(details.takenSeats)/\(session.capacity)"
        if session.reserve > 0 { text += "+\(session.reserve)" }
        if let invited = details.seatCounts[.invited], invited > 0 { text += " (\(invited) invited)" }
        return text
    }
}

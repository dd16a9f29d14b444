import Foundation

/// A session as a calendar `VEVENT`: its time, place, status, organizer and attendees.
public struct CalendarEvent: Sendable, Equatable {
    /// A person on the event, written as `ORGANIZER` or `ATTENDEE`.
    public struct Person: Sendable, Equatable {
        public var name: String
        public var email: String
        /// `CHAIR` for moderators, `REQ-PARTICIPANT` for participants.
        public var role: String
        public var participation: Participation
    }

    /// An attendee's `PARTSTAT`.
    public enum Participation: String, Sendable, Equatable {
        case needsAction = "NEEDS-ACTION"
        case accepted = "ACCEPTED"
        case declined = "DECLINED"

        /// From a seat: invited people have not answered; confirmed, attended and no-show people
        /// had accepted (a no-show said yes and did not come, which PARTSTAT cannot say).
        public init(_ seat: SeatStatus) {
            switch seat {
            case .invited: self = .needsAction
            case .confirmed, .attended, .noShow: self = .accepted
            case .declined: self = .declined
            }
        }
    }

    /// Stable across exports and reschedules: the session key and creation instant.
    public var uid: String
    /// Grows with every reschedule, and once more when cancelled, so calendars take the newest copy.
    public var sequence: Int
    /// `TENTATIVE` for drafts, `CANCELLED`, else `CONFIRMED`.
    public var status: String
    public var summary: String
    public var description: String
    public var location: String?
    public var start: Date
    public var end: Date
    public var created: Date
    /// The zone the session was planned in; UTC sessions (and ambiguous local times) are written with `Z` times.
    public var zone: TimeZone
    /// The first moderator with an e-mail address.
    public var organizer: Person?
    /// Other moderators (as chairs), then seated participants who have an e-mail address; forgotten
    /// participants and those without an address are not listed.
    public var attendees: [Person]

    /// The event for a session, its moderators and its seats.
    public init(session: Session, moderators: [Moderator], seats: [(participant: Participant, status: SeatStatus)]) {
        uid = "\(session.key)-\(ICalendarWriter.utcDateTime(session.createdAt))@roundtable"
        // Cancelling cannot be undone and a cancelled session cannot be moved, so +1 never repeats a number.
        sequence = session.revision + (session.status == .cancelled ? 1 : 0)
        status = switch session.status {
        case .cancelled: "CANCELLED"
        case .draft: "TENTATIVE"
        case .scheduled, .inProgress, .completed: "CONFIRMED"
        }
        summary = session.title
        var about = "\(session.kind.rawValue) \(session.key)"
        if let reason = session.cancelReason, session.status == .cancelled { about += "\nCancelled: \(reason)" }
        description = about
        location = session.room ?? Self.place(of: session.channel)
        (start, end, created, zone) = (session.startsAt, session.endsAt, session.createdAt, session.zone)
        let chairs = moderators.filter { !$0.email.isEmpty }.map {
            Person(name: $0.name, email: $0.email, role: "CHAIR", participation: .accepted)
        }
        organizer = chairs.first
        attendees = Array(chairs.dropFirst()) + seats.compactMap { participant, status in
            guard !participant.isErased, let email = participant.email, !email.isEmpty else { return nil }
            return Person(name: participant.displayName, email: email, role: "REQ-PARTICIPANT",
                          participation: Participation(status))
        }
    }

    /// Whether the event's times are written in UTC (`Z`) rather than with a `TZID`: for UTC
    /// sessions, and for those starting or ending in the hour repeated when clocks go back, whose
    /// local time a reader would place at its first occurrence (RFC 5545, 3.3.5).
    public var isUTC: Bool {
        ICalendarTimeZone.isUTC(zone) || Zone.isAmbiguous(start, in: zone) || Zone.isAmbiguous(end, in: zone)
    }

    /// Writes the `VEVENT`, stamped with `stamp` (the time of the export).
    public func write(to writer: inout ICalendarWriter, stamp: Date) {
        writer.begin("VEVENT")
        writer.text("UID", uid)
        writer.property("DTSTAMP", raw: ICalendarWriter.utcDateTime(stamp))
        writer.property("CREATED", raw: ICalendarWriter.utcDateTime(created))
        let inUTC = isUTC
        for (name, instant) in [("DTSTART", start), ("DTEND", end)] {
            if inUTC {
                writer.property(name, raw: ICalendarWriter.utcDateTime(instant))
            } else {
                writer.property(name, ["TZID": Zone.name(of: zone)], raw: ICalendarWriter.localDateTime(instant, zone))
            }
        }
        writer.property("SEQUENCE", raw: String(sequence))
        writer.property("STATUS", raw: status)
        writer.text("SUMMARY", summary)
        writer.text("DESCRIPTION", description)
        if let location { writer.text("LOCATION", location) }
        if let organizer {
            writer.property("ORGANIZER", ["CN": organizer.name], raw: "mailto:\(organizer.email)")
        }
        for person in attendees {
            writer.property("ATTENDEE", ["CN": person.name, "CUTYPE": "INDIVIDUAL", "ROLE": person.role,
                                         "PARTSTAT": person.participation.rawValue],
                            raw: "mailto:\(person.email)")
        }
        writer.end("VEVENT")
    }

    /// What a session without a room is held over, when that is not a place.
    private static func place(of channel: Channel) -> String? {
        switch channel {
        case .video: "Video call"
        case .phone: "Phone call"
        case .inPerson: nil
        }
    }
}

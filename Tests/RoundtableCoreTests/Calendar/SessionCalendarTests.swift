import Foundation
import Testing
@testable import RoundtableCore

/// Sessions as VEVENTs in a whole VCALENDAR.
@Suite("SessionCalendar")
struct SessionCalendarTests {
    static let created = Fixture.utc("2026-12-01T09:00:00Z")
    static let stamp = Fixture.utc("2026-12-02T12:30:00Z")

    func session(id: Int64 = 1, start: String = "2027-03-28T07:00:00Z", zone: String = "Europe/Helsinki",
                 channel: Channel = .inPerson, room: String? = "Sali 1") -> Session {
        Session(id: id, title: "Konseptitesti, vaihe 1", kind: .focusGroup, startsAt: Fixture.utc(start), timeZone: zone,
                durationMinutes: 90, channel: channel, room: room, capacity: 8, createdAt: Self.created)
    }

    func moderator(_ id: Int64, _ name: String, _ email: String) -> Moderator {
        Moderator(id: id, name: name, email: email, timeZone: "Europe/Helsinki", createdAt: Self.created)
    }

    func participant(_ id: Int64, _ name: String, _ email: String?) -> Participant {
        Participant(id: id, displayName: name, email: email, createdAt: Self.created)
    }

    func lines(_ events: [CalendarEvent]) -> [String] {
        SessionCalendar(events: events, stamp: Self.stamp).render()
            .replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
    }

    @Test func writesAHelsinkiSessionWithItsZone() {
        let aino = moderator(1, "Aino Virtanen", "aino@example.fi")
        let event = CalendarEvent(session: session(), moderators: [aino], seats: [])
        let text = SessionCalendar(events: [event], stamp: Self.stamp).render()
        let lines = self.lines([event])
        #expect(Array(lines.prefix(5)) == ["BEGIN:VCALENDAR", "PRODID:-//Roundtable//Roundtable sessions//EN", "VERSION:2.0",
                                           "CALSCALE:GREGORIAN", "METHOD:PUBLISH"])
        #expect(lines.suffix(2) == ["END:VCALENDAR", ""])
        for expected in ["UID:S-0001-20261201T090000Z@roundtable", "DTSTAMP:20261202T123000Z",
                         "DTSTART;TZID=Europe/Helsinki:20270328T100000", "DTEND;TZID=Europe/Helsinki:20270328T113000",
                         "SEQUENCE:0", "STATUS:CONFIRMED", "SUMMARY:Konseptitesti\\, vaihe 1", "LOCATION:Sali 1",
                         "ORGANIZER;CN=Aino Virtanen:mailto:aino@example.fi", "TZID:Europe/Helsinki"] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
        #expect(lines.firstIndex(of: "BEGIN:VTIMEZONE")! < lines.firstIndex(of: "BEGIN:VEVENT")!)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feeds")
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") })
    }

    @Test func utcSessionsUseZuluTimesAndNoZone() {
        let event = CalendarEvent(session: session(zone: "UTC"), moderators: [], seats: [])
        let lines = self.lines([event])
        #expect(lines.contains("DTSTART:20270328T070000Z"))
        #expect(lines.contains("DTEND:20270328T083000Z"))
        #expect(!lines.contains("BEGIN:VTIMEZONE"))
        #expect(!lines.contains { $0.hasPrefix("ORGANIZER") })
    }

    @Test func oneZoneComponentServesEverySessionInIt() {
        let events = [session(id: 1), session(id: 2, start: "2027-11-02T08:00:00Z"),
                      session(id: 3, zone: "Europe/Oslo"), session(id: 4, zone: "UTC")]
            .map { CalendarEvent(session: $0, moderators: [], seats: []) }
        let lines = self.lines(events)
        #expect(lines.filter { $0 == "BEGIN:VTIMEZONE" }.count == 2)
        #expect(lines.filter { $0.hasPrefix("TZID:") } == ["TZID:Europe/Helsinki", "TZID:Europe/Oslo"])
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 4)
    }

    @Test func rescheduleKeepsTheUIDAndRaisesTheSequence() {
        var moved = session()
        let before = CalendarEvent(session: moved, moderators: [], seats: [])
        moved.move(to: Fixture.utc("2027-04-04T07:00:00Z"), durationMinutes: 120)
        let after = CalendarEvent(session: moved, moderators: [], seats: [])
        #expect(after.uid == before.uid)
        #expect(after.sequence == 1)
        moved.status = .cancelled
        moved.cancelReason = "Moderator ill; sorry"
        let cancelled = CalendarEvent(session: moved, moderators: [], seats: [])
        #expect(cancelled.uid == before.uid)
        #expect(cancelled.sequence == 2, "cancelling is a change calendars must take")
        #expect(cancelled.status == "CANCELLED")
        let lines = self.lines([cancelled])
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("DESCRIPTION:focus-group S-0001\\nCancelled: Moderator ill\\; sorry"))
    }

    @Test func draftsAreTentative() {
        var draft = session()
        draft.status = .draft
        #expect(CalendarEvent(session: draft, moderators: [], seats: []).status == "TENTATIVE")
    }

    @Test func moderatorsAndSeatedPeopleWithAddressesAreListed() {
        var forgotten = participant(6, "Liisa Pöysti", "liisa@example.fi")
        forgotten.erase(at: Self.created)
        let seats: [(participant: Participant, status: SeatStatus)] = [
            (participant(1, "Åsa Lind", "asa@example.se"), .invited),
            (participant(2, "Matti Järvinen", "matti@example.fi"), .confirmed),
            (participant(3, "Sofia Lindqvist", "sofia@example.fi"), .declined),
            (participant(4, "Þórunn Jónsdóttir", "thorunn@example.is"), .attended),
            (participant(5, "Erik Berg", "erik@example.no"), .noShow),
            (forgotten, .confirmed),
            (participant(7, "Ei Sähköpostia", nil), .confirmed),
        ]
        let moderators = [moderator(1, "Aino Virtanen", "aino@example.fi"),
                          moderator(2, "Berg, Øystein", "oystein@example.no")]
        let event = CalendarEvent(session: session(), moderators: moderators, seats: seats)
        #expect(event.organizer?.email == "aino@example.fi")
        #expect(event.attendees.map(\.email) == ["oystein@example.no", "asa@example.se", "matti@example.fi",
                                                 "sofia@example.fi", "thorunn@example.is", "erik@example.no"])
        #expect(event.attendees.map(\.participation.rawValue) == ["ACCEPTED", "NEEDS-ACTION", "ACCEPTED", "DECLINED",
                                                                  "ACCEPTED", "ACCEPTED"])
        let lines = self.lines([event])
        #expect(lines.contains(
            "ATTENDEE;CN=\"Berg, Øystein\";CUTYPE=INDIVIDUAL;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:oystein@example.no"))
        #expect(lines.contains(
            "ATTENDEE;CN=Åsa Lind;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:asa@example.se"))
        #expect(!lines.contains { $0.contains("forgotten") || $0.contains("Sähköpostia") })
    }

    @Test func locationIsTheRoomElseTheChannel() {
        #expect(CalendarEvent(session: session(channel: .video, room: "https://meet.example/abc"), moderators: [],
                              seats: []).location == "https://meet.example/abc")
        let video = CalendarEvent(session: session(channel: .video, room: nil), moderators: [], seats: [])
        #expect(video.location == "Video call")
        let phone = CalendarEvent(session: session(channel: .phone, room: nil), moderators: [], seats: [])
        #expect(phone.location == "Phone call")
        let inPerson = CalendarEvent(session: session(room: nil), moderators: [], seats: [])
        #expect(inPerson.location == nil)
        #expect(!lines([inPerson]).contains { $0.hasPrefix("LOCATION") })
    }

    @Test func everyPhysicalLineFitsIn75Octets() {
        var long = session()
        long.title = String(repeating: "Äijälä Øystein Åsa 🦊 ", count: 12)
        let event = CalendarEvent(session: long, moderators: [], seats: [])
        let text = SessionCalendar(events: [event], stamp: Self.stamp).render()
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "\(line)")
        }
    }
}

import Foundation
import RoundtableCore

/// The sessions a restore brings back that hold time, with the moderators, participants and
/// rooms they hold, so clashes are found in one sorted pass instead of a query per session.
struct RestoredSchedule {
    /// A session as the clash check sees it.
    struct Slot {
        var key: EntityKey
        var title: String
        var start: Date
        var end: Date
        /// The zone it was planned in, and its room as typed, for the message.
        var zone: String
        var room: String?
        /// Its line in the backup.
        var line: Int

        var booked: BookedSlot { BookedSlot(session: key, title: title, start: start, end: end) }
    }

    /// Whose or what time a session holds.
    enum Holder: Hashable, Comparable {
        case moderator(Int64)
        case participant(Int64)
        /// A room, by its folded key (`Session.roomKey`).
        case room(String)
    }

    /// A session that overlaps sessions before it (by start) for the same holder.
    struct Clash {
        var holder: Holder
        var session: Slot
        /// The holder's earlier sessions still running when this one starts, earliest first.
        var booked: [BookedSlot]
    }

    private var slots: [Slot] = []
    private var bookings: [(holder: Holder, slot: Int)] = []

    /// Adds a session that holds time, with the moderators and participants it holds.
    mutating func add(_ session: Session, line: Int, moderators: [Int64], participants: [Int64]) {
        let index = slots.count
        slots.append(Slot(key: session.key, title: session.title, start: session.startsAt, end: session.endsAt,
                          zone: session.timeZone, room: session.room, line: line))
        for id in moderators { bookings.append((.moderator(id), index)) }
        for id in participants { bookings.append((.participant(id), index)) }
        if let roomKey = session.roomKey { bookings.append((.room(roomKey), index)) }
    }

    /// Every session that overlaps an earlier one of the same holder. Sorted by holder and start,
    /// each holder's sessions are swept once, keeping only those not yet over: O(n log n).
    func clashes() -> [Clash] {
        let ordered = bookings.sorted { a, b in
            let (x, y) = (slots[a.slot], slots[b.slot])
            return (a.holder, x.start, x.key.id) < (b.holder, y.start, y.key.id)
        }
        var found: [Clash] = []
        var running: [Slot] = []
        var holder: Holder?
        for booking in ordered {
            let slot = slots[booking.slot]
            if booking.holder != holder {
                holder = booking.holder
                running.removeAll(keepingCapacity: true)
            }
            running.removeAll { $0.end <= slot.start }
            // Every session still running started no later and ends after this one starts: all overlap it.
            if !running.isEmpty { found.append(Clash(holder: booking.holder, session: slot, booked: running.map(\.booked))) }
            running.append(slot)
        }
        return found
    }
}

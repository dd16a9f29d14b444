import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Sessions in start order, filtered as asked, each with moderators and seat counts.
    public func sessions(_ filter: SessionFilter) throws -> [SessionDetails] {
        try read { db in
            var request = Session.all()
            if filter.upcoming {
                let now = clock()
                request = request.filter(Column("startsAt") > Session.earliestStart(overlapping: now))
                    .filter(Column("endsAt") > now)
                    .filter([SessionStatus.draft, .scheduled, .inProgress].map(\.rawValue).contains(Column("status")))
            }
            if let panel = filter.panel {
                request = request.filter(Column("panelId") == (try Lookup.panel(db, panel).id!))
            }
            if let moderator = filter.moderator {
                _ = try Lookup.moderator(db, moderator)
                request = request.filter(sql: "id IN (SELECT sessionId FROM sessionModerator WHERE moderatorId = ?)",
                                         arguments: [moderator.id])
            }
            let sessions = try request.order(Column("startsAt"), Column("id")).limit(filter.limit ?? Int.max).fetchAll(db)
            return try Self.details(db, sessions, withSeats: false)
        }
    }

    /// One session with every seat.
    public func sessionDetails(_ key: EntityKey) throws -> SessionDetails {
        try read { db in try Self.details(db, [Lookup.session(db, key)], withSeats: true)[0] }
    }

    static func details(_ db: Database, _ sessions: [Session], withSeats: Bool) throws -> [SessionDetails] {
        guard !sessions.isEmpty else { return [] }
        let ids = JSONList.encode(sessions.map { $0.id! })
        var moderators: [Int64: [Moderator]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT sm.sessionId AS sessionId, moderator.* FROM sessionModerator sm
            JOIN moderator ON moderator.id = sm.moderatorId
            WHERE sm.sessionId IN (SELECT value FROM json_each(?)) ORDER BY moderator.id
            """, arguments: [ids]) {
            moderators[row["sessionId"], default: []].append(try Moderator(row: row))
        }
        var counts: [Int64: [SeatStatus: Int]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT sessionId, status, COUNT(*) AS n FROM seat
            WHERE sessionId IN (SELECT value FROM json_each(?)) GROUP BY sessionId, status
            """, arguments: [ids]) {
            if let status = SeatStatus(rawValue: row["status"]) { counts[row["sessionId"], default: [:]][status] = row["n"] }
        }
        let panelIds = Set(sessions.compactMap(\.panelId))
        let panelKeys = Dictionary(uniqueKeysWithValues: try Panel.fetchAll(db, keys: panelIds).map { ($0.id!, $0.key) })
        return try sessions.map { session in
            var seats: [SessionSeat] = []
            if withSeats {
                seats = try Row.fetchAll(db, sql: """
                    SELECT seat.id AS seatId, seat.sessionId, seat.participantId, seat.status AS seatStatus,
                           seat.invitedAt, seat.updatedAt, participant.*
                    FROM seat JOIN participant ON participant.id = seat.participantId
                    WHERE seat.sessionId = ? ORDER BY participant.id
                    """, arguments: [session.id!]).map { row in
                    let seat = Seat(id: row["seatId"], sessionId: row["sessionId"], participantId: row["participantId"],
                                    status: SeatStatus(rawValue: row["seatStatus"]) ?? .invited,
                                    invitedAt: row["invitedAt"], updatedAt: row["updatedAt"])
                    return SessionSeat(participant: try Participant(row: row), seat: seat)
                }
            }
            return SessionDetails(session: session, panelKey: session.panelId.flatMap { panelKeys[$0] },
                                  moderators: moderators[session.id!] ?? [], seatCounts: counts[session.id!] ?? [:],
                                  seats: seats)
        }
    }
}

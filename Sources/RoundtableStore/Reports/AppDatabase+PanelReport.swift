import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Everything `report panel` shows, read in one transaction so the parts agree. Quarters are
    /// calendar quarters in `zone`; `topCodes` codes with up to `quotes` quotes each.
    public func panelReport(_ key: String, since: Date? = nil, zone: TimeZone, topCodes: Int = 5,
                            quotes: Int = 2) throws -> PanelReport {
        guard topCodes >= 1 else { throw RoundtableError.usage("the number of top codes must be at least 1, not \(topCodes)") }
        return try read { db in
            let panel = try Lookup.panel(db, key)
            var request = Session.filter(Column("panelId") == panel.id!)
            if let since { request = request.filter(Column("startsAt") >= since) }
            let sessions = try request.order(Column("startsAt"), Column("id")).fetchAll(db)
            let ids = JSONList.encode(sessions.map { $0.id! })
            let seats = try Row.fetchAll(db, sql: """
                SELECT status, COUNT(*) AS n FROM seat WHERE sessionId IN (SELECT value FROM json_each(?)) GROUP BY status
                """, arguments: [ids])
            let seatCount = { (status: SeatStatus) in seats.first { $0["status"] == status.rawValue }?["n"] as Int? ?? 0 }
            let attendance = PanelAttendance(sessions: sessions.count, held: sessions.count { $0.status == .completed },
                                             attended: seatCount(.attended), noShow: seatCount(.noShow))
            let shown = try PanelConceptQuery(db, sessions: ids)
            let byId = Dictionary(uniqueKeysWithValues: sessions.map { ($0.id!, $0) })
            let actions = try Note.filter(sql: "kind = 'action' AND sessionId IN (SELECT value FROM json_each(?))", arguments: [ids])
                .order(Column("createdAt"), Column("id")).fetchAll(db)
                .map { PanelAction(note: $0, session: byId[$0.sessionId]!) }
            return PanelReport(
                panel: panel, since: since, sessions: sessions, attendance: attendance, concepts: try shown.scores(),
                comparisons: shown.comparisons(), positions: shown.positions(),
                quarters: try Self.surveyQuarters(db, panel: panel.id!, sessions: ids, since: since, zone: zone),
                topCodes: try PanelTopCodeQuery.topCodes(db, sessions: ids, limit: topCodes, quotes: quotes), actions: actions)
        }
    }

    /// Survey answers about the sessions, or about no session from the panel's current members,
    /// by the calendar quarter (in `zone`) they were recorded in.
    private static func surveyQuarters(_ db: Database, panel: Int64, sessions: String, since: Date?,
                                       zone: TimeZone) throws -> [QuarterSurvey] {
        var request = SurveyResponse.filter(sql: """
            sessionId IN (SELECT value FROM json_each(?))
            OR (sessionId IS NULL
                AND participantId IN (SELECT participantId FROM membership WHERE panelId = ? AND status <> 'alumni'))
            """, arguments: [sessions, panel])
        if let since { request = request.filter(Column("recordedAt") >= since) }
        let calendar = Zone.calendar(zone)
        let grouped = Dictionary(grouping: try request.order(Column("recordedAt"), Column("id")).fetchAll(db)) { response in
            let parts = calendar.dateComponents([.year, .month], from: response.recordedAt)
            return parts.year! * 10 + (parts.month! - 1) / 3 + 1
        }
        return try grouped.keys.sorted().map { code in
            QuarterSurvey(year: code / 10, quarter: code % 10, summary: try SurveySummary(grouped[code]!))
        }
    }
}

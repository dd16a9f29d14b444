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

/// The reactions to concepts in a set of sessions, with who reacted where, for the panel report.
struct PanelConceptQuery {
    struct Shown {
        var presentation: Presentation
        var concept: Concept
        var reactions: [Reaction]
    }

    let shown: [Shown]

    init(_ db: Database, sessions ids: String) throws {
        let presentations = try Presentation.filter(sql: "sessionId IN (SELECT value FROM json_each(?))", arguments: [ids])
            .order(Column("sessionId"), Column("position")).fetchAll(db)
        let concepts = Dictionary(uniqueKeysWithValues: try Concept.fetchAll(db, keys: Set(presentations.map(\.conceptId)))
            .map { ($0.id!, $0) })
        let reactions = Dictionary(grouping: try Reaction.filter(sql: """
            presentationId IN (SELECT id FROM presentation WHERE sessionId IN (SELECT value FROM json_each(?)))
            """, arguments: [ids]).order(Column("id")).fetchAll(db), by: \.presentationId)
        shown = presentations.map { Shown(presentation: $0, concept: concepts[$0.conceptId]!, reactions: reactions[$0.id!] ?? []) }
    }

    /// Each concept by key, over every session that showed it.
    func scores() throws -> [ConceptScore] {
        let byConcept = Dictionary(grouping: shown) { $0.concept.key }
        return try byConcept.keys.sorted().map { key in
            let showings = byConcept[key]!
            return try ConceptScore(concept: showings[0].concept, reactions: showings.flatMap(\.reactions))
        }
    }

    /// Every pair of concepts shown together in a session, first by key, paired over the people
    /// who rated both in the same session.
    func comparisons() -> [ConceptComparison] {
        var pairs: [String: (first: String, second: String, sessions: [EntityKey], appeals: [(Int, Int)])] = [:]
        for (session, lineup) in Dictionary(grouping: shown, by: \.presentation.sessionId).sorted(by: { $0.key < $1.key }) {
            let ordered = lineup.sorted { $0.concept.key < $1.concept.key }
            for (index, a) in ordered.enumerated() {
                for b in ordered[(index + 1)...] {
                    let appealB = Dictionary(b.reactions.map { ($0.participantId, $0.appeal) }, uniquingKeysWith: { x, _ in x })
                    let matched = a.reactions.compactMap { r in appealB[r.participantId].map { (r.appeal, $0) } }
                    let id = a.concept.key + "\u{0}" + b.concept.key
                    var pair = pairs[id] ?? (a.concept.key, b.concept.key, [], [])
                    pair.sessions.append(EntityKey(.session, id: session))
                    pair.appeals += matched
                    pairs[id] = pair
                }
            }
        }
        return pairs.values.sorted { ($0.first, $0.second) < ($1.first, $1.second) }.map { pair in
            ConceptComparison(first: pair.first, second: pair.second, sessions: pair.sessions,
                              firstAppeal: ScoreSummary(pair.appeals.map(\.0)), secondAppeal: ScoreSummary(pair.appeals.map(\.1)),
                              test: WilcoxonSignedRank(pairs: pair.appeals))
        }
    }

    /// Appeal by the position the concept was shown at.
    func positions() -> [PositionScore] {
        let byPosition = Dictionary(grouping: shown, by: \.presentation.position)
        return byPosition.keys.sorted().map { position in
            PositionScore(position: position, appeal: ScoreSummary(byPosition[position]!.flatMap(\.reactions).map(\.appeal)))
        }
    }
}

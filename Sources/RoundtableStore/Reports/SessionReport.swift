import Foundation
import GRDB
import RoundtableCore

/// One session on one screen: who came, how the concepts scored in the order shown, what was
/// said most (codes with a quote each), and the actions still open.
public struct SessionReport: Sendable {
    public var details: SessionDetails
    /// Concepts in shown order, each with its scores from this session's reactions.
    public var concepts: [ConceptScore]
    /// Every reaction in the session, all concepts together.
    public var overallNPS: NetPromoterScore
    /// Satisfaction survey answers recorded for this session.
    public var survey: SurveySummary
    /// The most applied codes, each with a representative quote.
    public var topCodes: [TopCode]
    /// Action notes nobody has closed.
    public var openActions: [Note]
    /// How many utterances the transcript has.
    public var utterances: Int
}

extension AppDatabase {
    /// Everything `report session` shows, read in one transaction so the parts agree.
    public func sessionReport(_ key: EntityKey, topCodes limit: Int = 5) throws -> SessionReport {
        try read { db in
            let session = try Lookup.session(db, key)
            let details = try Self.details(db, [session], withSeats: true)[0]
            let concepts = try ConceptScoreQuery.scores(db, session: key)
            let recommend = try Int.fetchAll(db, sql: """
                SELECT reaction.recommend FROM reaction JOIN presentation ON presentation.id = reaction.presentationId
                WHERE presentation.sessionId = ?
                """, arguments: [key.id])
            return SessionReport(
                details: details, concepts: concepts, overallNPS: try NetPromoterScore(recommend),
                survey: try SurveySummary(SurveyResponse.filter(Column("sessionId") == key.id).fetchAll(db)),
                topCodes: try Self.topCodes(db, session: key.id, limit: limit),
                openActions: try Note.filter(sql: "sessionId = ? AND kind = 'action' AND closedAt IS NULL", arguments: [key.id])
                    .order(sql: "id").fetchAll(db),
                utterances: try Utterance.filter(sql: "sessionId = ?", arguments: [key.id]).fetchCount(db))
        }
    }
}

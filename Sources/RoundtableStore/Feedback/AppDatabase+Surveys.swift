import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Records one satisfaction survey answer; with a session, the participant must hold a seat in
    /// it (any but a declined one) and may answer for it only once.
    public func recordSurvey(participant: EntityKey, session: EntityKey? = nil, quality: Int, speed: Int, price: Int, trust: Int,
                             recommend: Int, problems: String? = nil, needs: String? = nil) throws -> SurveyResponse {
        let draft = try SurveyResponse(
            participantId: participant.id, sessionId: session?.id, quality: quality, speed: speed, price: price, trust: trust,
            recommend: recommend, problems: problems, needs: needs, recordedAt: clock()).validated()
        return try write { db in
            let person = try Lookup.participant(db, participant)
            guard !person.isErased else { throw RoundtableError.rule("\(participant) was forgotten; no survey can be recorded") }
            if let session {
                _ = try Lookup.session(db, session)
                let status = try String.fetchOne(db, sql: "SELECT status FROM seat WHERE sessionId = ? AND participantId = ?",
                                                 arguments: [session.id, participant.id])
                guard let status, status != SeatStatus.declined.rawValue else {
                    throw RoundtableError.rule("\(participant) holds no seat in \(session)")
                }
                if try SurveyResponse.filter(Column("sessionId") == session.id && Column("participantId") == participant.id)
                    .fetchCount(db) > 0 {
                    throw RoundtableError.rule("\(participant) has already answered the survey for \(session)")
                }
            }
            var response = draft
            response.problems = response.problems.flatMap { $0.isEmpty ? nil : $0 }
            response.needs = response.needs.flatMap { $0.isEmpty ? nil : $0 }
            try response.insert(db)
            try audit(db, "survey.record", "\(participant)", session.map { "\($0)" } ?? "")
            return response
        }
    }

    /// Summarises survey responses: all of them, or those of a session, those by current members of
    /// `panel`, or those recorded at or after `since`.
    public func surveySummary(panel: String? = nil, session: EntityKey? = nil, since: Date? = nil) throws -> SurveySummary {
        try read { db in
            var request = SurveyResponse.all()
            if let panel {
                let panelId = try Lookup.panel(db, panel).id!
                request = request.filter(sql: """
                    participantId IN (SELECT participantId FROM membership WHERE panelId = ? AND status <> 'alumni')
                    """, arguments: [panelId])
            }
            if let session {
                _ = try Lookup.session(db, session)
                request = request.filter(Column("sessionId") == session.id)
            }
            if let since { request = request.filter(Column("recordedAt") >= since) }
            return try SurveySummary(request.fetchAll(db))
        }
    }
}

import Foundation
import RoundtableCore
import RoundtableStore

/// `report session --format json`: the session's own fields as `session show` names them, then the report.
struct SessionReportJSON: Encodable {
    struct Quote: Encodable {
        var utterance: String, speaker: String, text: String
    }

    struct TopCodeJSON: Encodable {
        var code: String, codingCount: Int
        @JSONNullable var quote: Quote?
    }

    struct Action: Encodable {
        var key: String, text: String
        /// Milliseconds into the recording, null when the note has no time.
        @JSONNullable var atMs: Int?
    }

    struct ConceptJSON: Encodable {
        var key: String, title: String
        @JSONNullable var position: Int?
        var scores: StatisticJSON.Scores
    }

    var key: String
    var title: String
    var status: String
    var start: String
    var localStart: String
    var timeZone: String
    var moderators: [PersonRefJSON]
    var capacity: Int
    var reserve: Int
    var seats: SeatCountsJSON
    var concepts: [ConceptJSON]
    /// Every reaction in the session, all concepts together.
    var nps: StatisticJSON.NPS
    var survey: StatisticJSON.Survey
    var topCodes: [TopCodeJSON]
    var openActions: [Action]
    var utteranceCount: Int

    init(_ report: SessionReport) {
        let session = report.details.session
        key = "\(session.key)"
        title = session.title
        status = session.status.rawValue
        start = TimeFormat.utc(session.startsAt)
        localStart = TimeFormat.local(session.startsAt, session.zone)
        timeZone = session.timeZone
        moderators = report.details.moderators.map { PersonRefJSON(key: "\($0.key)", name: $0.name) }
        capacity = session.capacity
        reserve = session.reserve
        seats = SeatCountsJSON(report.details.seatCounts)
        concepts = report.concepts.map { ConceptJSON(key: $0.key, title: $0.title, position: $0.position, scores: .init($0)) }
        nps = StatisticJSON.NPS(report.overallNPS)
        survey = StatisticJSON.Survey(report.survey)
        topCodes = report.topCodes.map { code in
            TopCodeJSON(code: code.path, codingCount: code.codings,
                        quote: code.quote.map { Quote(utterance: "\($0.utterance)", speaker: $0.speaker, text: $0.text) })
        }
        openActions = report.openActions.map { Action(key: "\($0.key)", text: $0.text, atMs: $0.atMs) }
        utteranceCount = report.utterances
    }
}

import Foundation
import RoundtableCore
import RoundtableStore

/// `report session --format json`: the same report with numbers as numbers.
struct SessionReportJSON: Encodable {
    struct Attendance: Encodable {
        var invited: Int, confirmed: Int, declined: Int, attended: Int, noShow: Int, capacity: Int, reserve: Int
    }

    struct Quote: Encodable {
        var utterance: String, speaker: String, text: String
    }

    struct TopCodeJSON: Encodable {
        var code: String, codings: Int, quote: Quote?
    }

    struct Action: Encodable {
        var key: String, text: String, at: String?
    }

    struct Survey: Encodable {
        var n: Int
        var quality: ConceptScoreJSON.SummaryJSON, speed: ConceptScoreJSON.SummaryJSON
        var price: ConceptScoreJSON.SummaryJSON, trust: ConceptScoreJSON.SummaryJSON
        var nps: Int?
        var npsN: Int
    }

    var session: String
    var title: String
    var start: String
    var timeZone: String
    var status: String
    var moderators: [String]
    var attendance: Attendance
    var concepts: [ConceptScoreJSON]
    var nps: Int?
    var npsN: Int
    var survey: Survey
    var topCodes: [TopCodeJSON]
    var openActions: [Action]
    var utterances: Int

    init(_ report: SessionReport) {
        let session = report.details.session
        let counts = report.details.seatCounts
        self.session = "\(session.key)"
        title = session.title
        start = TimeFormat.utc(session.startsAt)
        timeZone = session.timeZone
        status = session.status.rawValue
        moderators = report.details.moderators.map { "\($0.key)" }
        attendance = Attendance(invited: counts[.invited] ?? 0, confirmed: counts[.confirmed] ?? 0, declined: counts[.declined] ?? 0,
                                attended: counts[.attended] ?? 0, noShow: counts[.noShow] ?? 0, capacity: session.capacity,
                                reserve: session.reserve)
        concepts = report.concepts.map { ConceptScoreJSON($0) }
        nps = report.overallNPS.rounded
        npsN = report.overallNPS.n
        let survey = report.survey
        self.survey = Survey(n: survey.n, quality: .init(survey.quality), speed: .init(survey.speed), price: .init(survey.price),
                             trust: .init(survey.trust), nps: survey.recommend.rounded, npsN: survey.recommend.n)
        topCodes = report.topCodes.map { code in
            TopCodeJSON(code: code.path, codings: code.codings,
                        quote: code.quote.map { Quote(utterance: "\($0.utterance)", speaker: $0.speaker, text: $0.text) })
        }
        openActions = report.openActions.map { Action(key: "\($0.key)", text: $0.text, at: $0.atMs.map(TranscriptText.formatTimestamp)) }
        utterances = report.utterances
    }

    private enum CodingKeys: String, CodingKey {
        case session, title, start, timeZone, status, moderators, attendance, concepts, nps, npsN, survey, topCodes, openActions
        case utterances
    }

    // By hand so an NPS without answers is an explicit null.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(session, forKey: .session)
        try container.encode(title, forKey: .title)
        try container.encode(start, forKey: .start)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(status, forKey: .status)
        try container.encode(moderators, forKey: .moderators)
        try container.encode(attendance, forKey: .attendance)
        try container.encode(concepts, forKey: .concepts)
        try container.encode(nps, forKey: .nps)
        try container.encode(npsN, forKey: .npsN)
        try container.encode(survey, forKey: .survey)
        try container.encode(topCodes, forKey: .topCodes)
        try container.encode(openActions, forKey: .openActions)
        try container.encode(utterances, forKey: .utterances)
    }
}

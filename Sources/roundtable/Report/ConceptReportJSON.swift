import Foundation
import RoundtableCore
import RoundtableStore

/// `report concept --format json`: the concept's own fields as `concept show` names them, then the report.
struct ConceptReportJSON: Encodable {
    struct GroupJSON: Encodable {
        var value: String
        var scores: StatisticJSON.Scores
    }

    var key: String
    var title: String
    @JSONNullable var version: String?
    @JSONNullable var description: String?
    /// The `--panel` the report is limited to.
    @JSONNullable var panel: String?
    @JSONNullable var since: String?
    @JSONNullable var by: String?
    var scores: StatisticJSON.Scores
    var sessions: [ConceptShowingJSON]
    /// Empty without --by.
    var groups: [GroupJSON]

    init(_ report: ConceptReport, zone: TimeZone?) {
        key = report.concept.key
        title = report.concept.title
        version = report.concept.version
        description = report.concept.description
        panel = report.panel?.key
        since = report.since.map(TimeFormat.utc)
        by = report.attribute
        scores = StatisticJSON.Scores(report.overall)
        sessions = report.sessions.map { ConceptShowingJSON(session: $0.session, viewer: zone, position: $0.position, score: $0.score) }
        groups = report.groups.map { GroupJSON(value: $0.value, scores: .init($0.score)) }
    }
}

/// A session a concept was shown in: the session's fields, the concept's position there, and its scores.
struct ConceptShowingJSON: Encodable {
    var key: String
    var title: String
    var status: String
    var start: String
    var localStart: String
    var timeZone: String
    var position: Int
    var scores: StatisticJSON.Scores

    init(session: Session, viewer: TimeZone?, position: Int, score: ConceptScore) {
        let ref = SessionRefJSON(session, viewer: viewer)
        (key, title, status, start, localStart, timeZone) = (ref.key, ref.title, ref.status, ref.start, ref.localStart, ref.timeZone)
        self.position = position
        scores = StatisticJSON.Scores(score)
    }
}

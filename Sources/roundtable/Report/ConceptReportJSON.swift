import Foundation
import RoundtableCore
import RoundtableStore

/// `report concept --format json`.
struct ConceptReportJSON: Encodable {
    struct ConceptJSON: Encodable {
        var key: String
        var title: String
        @JSONNullable var version: String?
        @JSONNullable var description: String?
    }

    struct SessionJSON: Encodable {
        var session: StatisticJSON.SessionRef
        var position: Int
        var scores: StatisticJSON.Scores
    }

    struct GroupJSON: Encodable {
        var value: String
        var scores: StatisticJSON.Scores
    }

    var concept: ConceptJSON
    @JSONNullable var panel: String?
    @JSONNullable var since: String?
    @JSONNullable var by: String?
    var scores: StatisticJSON.Scores
    var sessions: [SessionJSON]
    /// Empty without --by.
    var groups: [GroupJSON]

    init(_ report: ConceptReport, zone: TimeZone?) {
        concept = ConceptJSON(key: report.concept.key, title: report.concept.title, version: report.concept.version,
                              description: report.concept.description)
        panel = report.panel?.key
        since = report.since.map(TimeFormat.utc)
        by = report.attribute
        scores = StatisticJSON.Scores(report.overall)
        sessions = report.sessions.map {
            SessionJSON(session: .init($0.session, zone: zone), position: $0.position, scores: .init($0.score))
        }
        groups = report.groups.map { GroupJSON(value: $0.value, scores: .init($0.score)) }
    }
}

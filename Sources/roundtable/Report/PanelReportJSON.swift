import Foundation
import RoundtableCore
import RoundtableStore

/// `report panel --format json`: the panel's own fields as `panel show` names them, then the report.
struct PanelReportJSON: Encodable {
    struct Attendance: Encodable {
        var sessionCount: Int, held: Int, attended: Int, noShow: Int
        @JSONNullable var noShowRate: Double?
    }

    struct ConceptJSON: Encodable {
        var key: String, title: String
        var scores: StatisticJSON.Scores
    }

    struct Comparison: Encodable {
        var first: String, second: String, sessions: [String]
        /// People who rated both, zero differences included.
        var pairCount: Int
        var firstAppeal: StatisticJSON.Mean, secondAppeal: StatisticJSON.Mean
        /// Differences left after dropping zeros.
        var n: Int
        var zeros: Int
        var w: Double, positiveRankSum: Double, negativeRankSum: Double
        var ties: Bool
        var method: String
        @JSONNullable var z: Double?
        /// Unrounded: small p-values matter.
        @JSONNullable var pValue: Double?
    }

    struct Position: Encodable {
        var position: Int
        var appeal: StatisticJSON.Mean
    }

    struct Quarter: Encodable {
        var quarter: String, n: Int
        var quality: StatisticJSON.Mean, speed: StatisticJSON.Mean, price: StatisticJSON.Mean, trust: StatisticJSON.Mean
        var nps: StatisticJSON.NPS
    }

    struct Quote: Encodable {
        var utterance: String, speaker: String, text: String
    }

    struct TopCode: Encodable {
        var code: String, codingCount: Int, quotes: [Quote], withheld: Int
    }

    struct Action: Encodable {
        var key: String, session: String, text: String, status: String, author: String
        var createdAt: String, localCreatedAt: String
        @JSONNullable var closedAt: String?
        @JSONNullable var localClosedAt: String?
    }

    var key: String
    var name: String
    var kind: String
    @JSONNullable var since: String?
    /// The zone quarters are counted in.
    var quarterTimeZone: String
    var sessions: [SessionRefJSON]
    var attendance: Attendance
    var concepts: [ConceptJSON]
    var comparisons: [Comparison]
    var positions: [Position]
    var quarters: [Quarter]
    var topCodes: [TopCode]
    var actions: [Action]

    init(_ report: PanelReport, zone: TimeZone?, quarterZone: TimeZone) {
        (key, name, kind) = (report.panel.key, report.panel.name, report.panel.kind.rawValue)
        since = report.since.map(TimeFormat.utc)
        quarterTimeZone = Zone.name(of: quarterZone)
        sessions = report.sessions.map { SessionRefJSON($0, viewer: zone) }
        let counts = report.attendance
        attendance = Attendance(sessionCount: counts.sessions, held: counts.held, attended: counts.attended, noShow: counts.noShow,
                                noShowRate: counts.noShowRate.map(StatisticJSON.rounded))
        concepts = report.concepts.map { ConceptJSON(key: $0.key, title: $0.title, scores: .init($0)) }
        comparisons = report.comparisons.map { pair in
            let test = pair.test
            return Comparison(first: pair.first, second: pair.second, sessions: pair.sessions.map { "\($0)" },
                              pairCount: test.n + test.zeros, firstAppeal: .init(pair.firstAppeal), secondAppeal: .init(pair.secondAppeal),
                              n: test.n, zeros: test.zeros, w: test.statistic, positiveRankSum: test.positiveRankSum,
                              negativeRankSum: test.negativeRankSum, ties: test.ties, method: test.method.rawValue,
                              z: test.z.map(StatisticJSON.rounded), pValue: test.pValue)
        }
        positions = report.positions.map { Position(position: $0.position, appeal: .init($0.appeal)) }
        quarters = report.quarters.map { quarter in
            let summary = quarter.summary
            return Quarter(quarter: quarter.label, n: summary.n, quality: .init(summary.quality), speed: .init(summary.speed),
                           price: .init(summary.price), trust: .init(summary.trust), nps: .init(summary.recommend))
        }
        topCodes = report.topCodes.map { code in
            TopCode(code: code.path, codingCount: code.codings,
                    quotes: code.quotes.map { Quote(utterance: "\($0.utterance)", speaker: $0.speaker, text: $0.text) },
                    withheld: code.withheld)
        }
        actions = report.actions.map { action in
            let local = zone ?? action.session.zone
            let note = action.note
            return Action(key: "\(note.key)", session: "\(action.session.key)", text: note.text,
                          status: note.closedAt == nil ? "open" : "done", author: note.author,
                          createdAt: TimeFormat.utc(note.createdAt), localCreatedAt: TimeFormat.local(note.createdAt, local),
                          closedAt: note.closedAt.map(TimeFormat.utc), localClosedAt: note.closedAt.map { TimeFormat.local($0, local) })
        }
    }
}

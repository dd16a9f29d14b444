import Foundation
import RoundtableCore

/// `report panel`: a panel's sessions, attendance, concepts side by side with paired comparisons,
/// an order check, satisfaction by quarter, top codes with quotes, and actions.
public struct PanelReport: Sendable {
    /// The panel.
    public var panel: Panel
    /// Only sessions starting (and surveys recorded) at or after this instant, if given.
    public var since: Date?
    /// The panel's sessions counted, in start order.
    public var sessions: [Session]
    /// Sessions held and seats attended or missed.
    public var attendance: PanelAttendance
    /// Each concept shown in those sessions, by key, scored over all their reactions.
    public var concepts: [ConceptScore]
    /// Pairs of concepts rated by the same people in one session, compared on appeal.
    public var comparisons: [ConceptComparison]
    /// Mean appeal by the position concepts were shown in, first shown first.
    public var positions: [PositionScore]
    /// Satisfaction survey answers by calendar quarter, oldest first.
    public var quarters: [QuarterSurvey]
    /// The codes applied most often to the sessions' utterances, with quotes.
    public var topCodes: [PanelTopCode]
    /// Action notes on the sessions, open and closed, in the order raised.
    public var actions: [PanelAction]
}

/// Sessions held and seats attended or missed.
public struct PanelAttendance: Sendable, Equatable {
    /// Sessions counted (any status).
    public var sessions: Int
    /// Sessions completed.
    public var held: Int
    /// Seats marked attended.
    public var attended: Int
    /// Seats marked no-show.
    public var noShow: Int

    /// no-show ÷ (attended + no-show); nil when nobody's attendance was recorded.
    public var noShowRate: Double? {
        attended + noShow == 0 ? nil : Double(noShow) / Double(attended + noShow)
    }
}

/// Two concepts rated by the same people in the same sessions (sequential monadic), compared on
/// appeal with the Wilcoxon signed-rank test of first − second.
public struct ConceptComparison: Sendable {
    /// The concept first by key.
    public var first: String
    /// The concept second by key.
    public var second: String
    /// Sessions that showed both.
    public var sessions: [EntityKey]
    /// Appeal of `first` from the people who rated both.
    public var firstAppeal: ScoreSummary
    /// Appeal of `second` from the same people, in the same order.
    public var secondAppeal: ScoreSummary
    /// The test of the paired differences.
    public var test: WilcoxonSignedRank
}

/// Appeal of every concept shown at one position.
public struct PositionScore: Sendable {
    /// 1 for the concept shown first.
    public var position: Int
    /// Appeal of the reactions to concepts shown there.
    public var appeal: ScoreSummary
}

/// Survey answers recorded in one calendar quarter.
public struct QuarterSurvey: Sendable {
    public var year: Int
    /// 1…4.
    public var quarter: Int
    public var summary: SurveySummary

    /// `2026-Q4`.
    public var label: String { "\(year)-Q\(quarter)" }
}

/// A code with how often it was applied, quotes that may be shown, and how many were withheld.
public struct PanelTopCode: Sendable {
    /// `Channel/Phone`.
    public var path: String
    /// Codings of the sessions' utterances.
    public var codings: Int
    /// Up to the asked number of quotes, longest first, from participants who gave `quotes` consent.
    public var quotes: [CodeQuote]
    /// Codings on utterances of participants without `quotes` consent in force (or forgotten).
    public var withheld: Int
}

/// An action note with the session it was raised in.
public struct PanelAction: Sendable {
    /// The note (kind `action`); `closedAt` says when it was done.
    public var note: Note
    /// The session it belongs to.
    public var session: Session
}

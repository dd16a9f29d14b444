import Foundation
import RoundtableCore
import RoundtableStore

/// An estimate as a table cell: the value, and below it its interval in brackets.
struct EstimateCell {
    var value: String
    var interval: String?

    /// Splits what `StatisticText` prints (`3.8 [2.9, 4.8]`), so HTML shows the same figures as text.
    init(_ text: String) {
        guard let bracket = text.range(of: " [") else {
            value = text
            return
        }
        value = String(text[..<bracket.lowerBound])
        interval = String(text[text.index(after: bracket.lowerBound)...])
    }
}

/// A concept's scores as the table cells the text report prints, so HTML and text agree.
struct ScoreCellsView {
    var n: String
    var appeal: EstimateCell
    var appealTopTwo: EstimateCell
    var intent: EstimateCell
    var intentTopTwo: EstimateCell
    var nps: EstimateCell
    var expectation: String

    init(_ score: ConceptScore) {
        n = "\(score.n)"
        appeal = EstimateCell(StatisticText.mean(score.appeal))
        appealTopTwo = EstimateCell(StatisticText.share(score.appealTopTwo))
        intent = EstimateCell(StatisticText.mean(score.intent))
        intentTopTwo = EstimateCell(StatisticText.share(score.intentTopTwo))
        nps = EstimateCell(StatisticText.nps(score.nps))
        expectation = StatisticText.tally(score.expectation)
    }
}

/// One row of an NPS table: the counts behind a stacked bar.
struct NPSRowView {
    var label: String
    var n: String
    var detractors: String
    var passives: String
    var promoters: String
    var nps: String

    init(label: String, _ nps: NetPromoterScore) {
        self.label = label
        n = "\(nps.n)"
        detractors = "\(nps.detractors)"
        passives = "\(nps.passives)"
        promoters = "\(nps.promoters)"
        self.nps = StatisticText.nps(nps)
    }
}

/// Satisfaction survey means as table cells.
struct SurveyRowView {
    var label: String
    var n: String
    var quality: String
    var speed: String
    var price: String
    var trust: String
    var nps: String

    init(label: String, _ summary: SurveySummary) {
        self.label = label
        n = "\(summary.n)"
        quality = StatisticText.mean(summary.quality)
        speed = StatisticText.mean(summary.speed)
        price = StatisticText.mean(summary.price)
        trust = StatisticText.mean(summary.trust)
        nps = StatisticText.nps(summary.recommend)
    }
}

/// A quote: what someone said, who, and where in the transcript.
struct QuoteView {
    var text: String
    var speaker: String
    var utterance: String

    init(_ quote: CodeQuote) {
        text = quote.text
        speaker = quote.speaker
        utterance = "\(quote.utterance)"
    }
}

/// A code with its count and the quotes shown for it.
struct CodeView {
    var path: String
    var codings: String
    var quotes: [QuoteView]
    /// `2 quotes withheld (no quotes consent)`, or nil.
    var withheld: String?
}

/// What every report page shares: the document title and when and by what it was made.
struct PageView {
    var title: String
    var generated: String

    init(title: String, now: Date) {
        self.title = title
        generated = "Made by Roundtable on \(TimeFormat.utc(now).prefix(16).replacingOccurrences(of: "T", with: " ")) UTC"
    }
}

import Foundation

/// How one participant who attended reacted to one concept shown in a session.
public struct Reaction: Codable, Hashable, Sendable {
    public var id: Int64?
    public var presentationId: Int64
    public var participantId: Int64
    /// Appeal, 1–5.
    public var appeal: Int
    /// Purchase intent, 1–5.
    public var intent: Int
    /// Would recommend, 0–10 (the NPS question).
    public var recommend: Int
    /// Expectation against experience, −2 (far below) … +2 (far above).
    public var expectation: Int?
    public var comment: String?
    public var recordedAt: Date

    /// Creates a reaction; `validated()` checks the scales.
    public init(id: Int64? = nil, presentationId: Int64, participantId: Int64, appeal: Int, intent: Int, recommend: Int,
                expectation: Int? = nil, comment: String? = nil, recordedAt: Date) {
        self.id = id
        self.presentationId = presentationId
        self.participantId = participantId
        self.appeal = appeal
        self.intent = intent
        self.recommend = recommend
        self.expectation = expectation
        self.comment = comment
        self.recordedAt = recordedAt
    }

    /// `R-0001`.
    public var key: EntityKey { EntityKey(.reaction, id: id ?? 0) }

    /// The reaction with its scales checked and its comment cleaned, or the first rule it breaks.
    public func validated() throws -> Reaction {
        try Scale.check(appeal, Scale.fivePoint, "--appeal")
        try Scale.check(intent, Scale.fivePoint, "--intent")
        try Scale.check(recommend, NetPromoterScore.scale, "--recommend")
        if let expectation { try Scale.check(expectation, ExpectationTally.scale, "--expectation") }
        var reaction = self
        reaction.comment = try comment.map { try TextRules.text(UnicodeText.composed($0), what: "the comment") }
        return reaction
    }
}

/// The rating scales research answers use.
public enum Scale {
    /// A five-point rating: 1 (worst) … 5 (best).
    public static let fivePoint = 1...5

    /// Refuses `value` outside `range`, naming the option it came from.
    public static func check(_ value: Int, _ range: ClosedRange<Int>, _ what: String) throws {
        guard range.contains(value) else {
            // "-2–2" reads badly: a scale around zero is written with signs.
            let scale = range.lowerBound < 0 ? "from \(range.lowerBound) to +\(range.upperBound)"
                : "\(range.lowerBound)–\(range.upperBound)"
            throw RoundtableError.usage("\(what) must be \(scale), not \(value)")
        }
    }
}

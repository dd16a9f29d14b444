import Foundation

/// A satisfaction survey answer on the seed's dimensions.
public struct SurveyResponse: Codable, Hashable, Sendable {
    public var id: Int64?
    public var participantId: Int64
    public var sessionId: Int64?
    /// Product or service quality, 1–5.
    public var quality: Int
    /// Delivery speed and responsiveness, 1–5.
    public var speed: Int
    /// Price and value, 1–5.
    public var price: Int
    /// Trust, 1–5.
    public var trust: Int
    /// Would recommend, 0–10.
    public var recommend: Int
    /// Problems or complaints, in the person's words.
    public var problems: String?
    /// Other needs the person mentioned.
    public var needs: String?
    public var recordedAt: Date

    /// Creates a response; `validated()` checks the scales.
    public init(id: Int64? = nil, participantId: Int64, sessionId: Int64? = nil, quality: Int, speed: Int, price: Int,
                trust: Int, recommend: Int, problems: String? = nil, needs: String? = nil, recordedAt: Date) {
        self.id = id
        self.participantId = participantId
        self.sessionId = sessionId
        self.quality = quality
        self.speed = speed
        self.price = price
        self.trust = trust
        self.recommend = recommend
        self.problems = problems
        self.needs = needs
        self.recordedAt = recordedAt
    }

    /// The five-point dimensions in report order, with their names.
    public var ratings: [(dimension: String, value: Int)] {
        [("quality", quality), ("speed", speed), ("price", price), ("trust", trust)]
    }

    /// The response with its scales checked and its texts cleaned, or the first rule it breaks.
    public func validated() throws -> SurveyResponse {
        for (dimension, value) in ratings { try Scale.check(value, Scale.fivePoint, "--\(dimension)") }
        try Scale.check(recommend, NetPromoterScore.scale, "--recommend")
        var response = self
        response.problems = try problems.map { try TextRules.text(UnicodeText.composed($0), what: "--problems") }
        response.needs = try needs.map { try TextRules.text(UnicodeText.composed($0), what: "--needs") }
        return response
    }
}

import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// Comment cards and satisfaction surveys: scales, filters and the summary's statistics.
@Suite("Store: comment cards and surveys")
struct FeedbackStoreTests {
    let ws: Workspace

    init() throws {
        ws = try Workspace()
        try ws.panel("nordic-pool")
    }

    func answer(_ person: Participant, session: Session? = nil, _ scores: (Int, Int, Int, Int, Int), problems: String? = nil,
                needs: String? = nil) throws {
        _ = try ws.db.recordSurvey(participant: person.key, session: session?.key, quality: scores.0, speed: scores.1,
                                   price: scores.2, trust: scores.3, recommend: scores.4, problems: problems, needs: needs)
    }

    @Test("comment cards: anonymous or from a participant, composed text, rating 1–5")
    func addsComments() throws {
        let matti = try ws.participant("Matti Järvinen", panel: "nordic-pool")
        let card = try ws.db.addComment(participant: matti.key, panel: "nordic-pool", channel: .paper, rating: 2,
                                        text: "  Toimitus oli hidas, mutta hinta o\u{308}k  ")
        #expect(card.key.description == "C-0001")
        #expect(card.text == "Toimitus oli hidas, mutta hinta ök")
        let anonymous = try ws.db.addComment(text: "Great coffee")
        #expect(anonymous.participantId == nil && anonymous.rating == nil && anonymous.channel == nil)
        for rating in [0, 6] {
            let error = expectRoundtableError(.usage) { try ws.db.addComment(rating: rating, text: "x") }
            #expect(error?.message == "--rating must be 1–5, not \(rating)")
        }
        expectRoundtableError(.usage) { try ws.db.addComment(text: "   ") }
        expectRoundtableError(.invalidData) { try ws.db.addComment(panel: "no-such", text: "x") }
        expectRoundtableError(.invalidData) { try ws.db.addComment(participant: EntityKey(.participant, id: 9), text: "x") }
        _ = try ws.db.forgetParticipant(matti.key)
        expectRoundtableError(.invalidData) { try ws.db.addComment(participant: matti.key, text: "x") }
        #expect(try ws.db.comments().count == 2)
        #expect(try ws.auditActions().filter { $0 == "comment.add" }.count == 2)
    }

    @Test("comment cards filter by panel, participant and since")
    func filtersComments() throws {
        let asa = try ws.participant("Åsa Lindqvist")
        try ws.panel("nordic-cab", kind: .advisoryBoard)
        _ = try ws.db.addComment(participant: asa.key, panel: "nordic-pool", text: "one")
        ws.clock.set(Workspace.instant("2026-12-05T10:00:00Z"))
        _ = try ws.db.addComment(panel: "nordic-cab", text: "two")
        _ = try ws.db.addComment(participant: asa.key, text: "three")
        #expect(try ws.db.comments().map(\.card.text) == ["one", "two", "three"])
        #expect(try ws.db.comments(panel: "nordic-pool").map(\.card.text) == ["one"])
        #expect(try ws.db.comments(panel: "nordic-pool").first?.panel == "nordic-pool")
        #expect(try ws.db.comments(participant: asa.key).map(\.card.text) == ["one", "three"])
        #expect(try ws.db.comments(since: Workspace.instant("2026-12-05T10:00:00Z")).map(\.card.text) == ["two", "three"])
        #expect(try ws.db.comments(participant: asa.key, since: Workspace.instant("2026-12-02T00:00:00Z")).count == 1)
        expectRoundtableError(.invalidData) { try ws.db.comments(participant: EntityKey(.participant, id: 42)) }
    }

    @Test("survey scales out of range are usage errors and nothing is stored")
    func surveyScales() throws {
        let person = try ws.participant("Liisa Pöysti")
        let bad: [((Int, Int, Int, Int, Int), String)] = [
            ((0, 3, 3, 3, 5), "--quality must be 1–5, not 0"), ((3, 6, 3, 3, 5), "--speed must be 1–5, not 6"),
            ((3, 3, 9, 3, 5), "--price must be 1–5, not 9"), ((3, 3, 3, -1, 5), "--trust must be 1–5, not -1"),
            ((3, 3, 3, 3, 11), "--recommend must be 0–10, not 11"),
        ]
        for (scores, message) in bad {
            let error = expectRoundtableError(.usage) { try answer(person, scores) }
            #expect(error?.message == message)
        }
        #expect(try ws.db.surveySummary().n == 0)
        try answer(person, (1, 5, 1, 5, 0))
        try answer(person, (5, 1, 5, 1, 10))
        #expect(try ws.db.surveySummary().n == 2)
    }

    @Test("a survey needs a live participant, and for a session a seat and one answer only")
    func surveyRules() throws {
        let seated = try ws.participant("Matti Järvinen")
        let outsider = try ws.participant("Noora Nieminen")
        let session = try ws.session(moderators: [try ws.moderator()])
        try ws.invite(session, [seated])
        try answer(seated, session: session, (4, 4, 4, 4, 8))
        let twice = expectRoundtableError(.invalidData) { try answer(seated, session: session, (4, 4, 4, 4, 8)) }
        #expect(twice?.message == "P-000001 has already answered the survey for S-0001")
        let noSeat = expectRoundtableError(.invalidData) { try answer(outsider, session: session, (4, 4, 4, 4, 8)) }
        #expect(noSeat?.message == "P-000002 holds no seat in S-0001")
        expectRoundtableError(.invalidData) { try answer(seated, session: session.withId(9), (4, 4, 4, 4, 8)) }
        _ = try ws.db.forgetParticipant(outsider.key)
        expectRoundtableError(.invalidData) { try answer(outsider, (4, 4, 4, 4, 8)) }
        #expect(try ws.db.surveySummary(session: session.key).n == 1)
    }

    @Test("the summary's means, 95% intervals, NPS and mentions match hand-computed values")
    func summaryStatistics() throws {
        let people = try ["Aino", "Eero", "Sanna", "Ville"].map { try ws.participant($0) }
        // quality 4,5,3,4: mean 4, s = √(2/3) = 0.8165, half-width t(3) 3.182 × 0.8165 / 2 = 1.2990.
        // recommend 10, 9, 7, 3: 2 promoters, 1 passive, 1 detractor → NPS 100 × (2 − 1) / 4 = 25.
        try answer(people[0], (4, 2, 1, 5, 10), problems: "Late delivery")
        try answer(people[1], (5, 2, 2, 5, 9), needs: "Invoices in Swedish")
        try answer(people[2], (3, 2, 3, 4, 7), problems: "Rude driver", needs: "  ")
        try answer(people[3], (4, 2, 4, 4, 3))
        let summary = try ws.db.surveySummary()
        #expect(summary.n == 4)
        #expect(summary.quality.mean == 4)
        let quality = try #require(summary.quality.interval)
        #expect(abs(quality.lowerBound - 2.7010) < 0.0005 && abs(quality.upperBound - 5.2990) < 0.0005)
        #expect(summary.speed.interval == 2...2, "identical answers have no spread")
        // price 1,2,3,4: mean 2.5, s = √(5/3) = 1.2910, half-width 3.182 × 1.2910 / 2 = 2.0540.
        #expect(summary.price.mean == 2.5)
        #expect(abs((summary.price.halfWidth ?? 0) - 2.0540) < 0.0005)
        #expect(summary.trust.mean == 4.5)
        #expect(summary.recommend.rounded == 25)
        #expect(summary.recommend.n == 4)
        #expect(summary.problems == 2)
        #expect(summary.needs == 1, "blank needs do not count")
        #expect(summary.dimensions.map(\.name) == ["quality", "speed", "price", "trust"])
    }

    @Test("the summary filters by current panel members and by since")
    func summaryFilters() throws {
        let member = try ws.participant("Aino", panel: "nordic-pool")
        let former = try ws.participant("Eero", panel: "nordic-pool")
        let outsider = try ws.participant("Sanna")
        try ws.db.removeMembers(panel: "nordic-pool", participants: [former.key])
        try answer(member, (5, 5, 5, 5, 10))
        try answer(former, (1, 1, 1, 1, 0))
        ws.clock.set(Workspace.instant("2026-12-10T08:00:00Z"))
        try answer(outsider, (3, 3, 3, 3, 7))
        try answer(member, (4, 4, 4, 4, 9))
        let panel = try ws.db.surveySummary(panel: "nordic-pool")
        #expect(panel.n == 2)
        #expect(panel.quality.mean == 4.5)
        #expect(panel.recommend.rounded == 100)
        let recent = try ws.db.surveySummary(since: Workspace.instant("2026-12-10T00:00:00Z"))
        #expect(recent.n == 2)
        #expect(recent.recommend.rounded == 50)
        #expect(try ws.db.surveySummary(panel: "nordic-pool", since: Workspace.instant("2026-12-10T00:00:00Z")).n == 1)
        let none = try ws.db.surveySummary(since: Workspace.instant("2027-01-01T00:00:00Z"))
        #expect(none.n == 0 && none.quality.mean == nil && none.recommend.rounded == nil)
        expectRoundtableError(.invalidData) { try ws.db.surveySummary(panel: "no-such") }
    }
}

extension Session {
    /// The same session under another id, to name one that does not exist.
    fileprivate func withId(_ id: Int64) -> Session {
        var copy = self
        copy.id = id
        return copy
    }
}

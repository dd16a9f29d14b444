import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// `report concept` and `report panel` on a workspace built by hand, every number worked out here.
@Suite("Store: concept and panel reports")
struct ReportsStoreTests {
    /// nordic-pool: S-0001 (Nov 10, completed; five attended, one no-show; eco-box then pay-later) and
    /// S-0002 (Nov 25; three attended; pay-later then eco-box). other-pool: S-0003 (Nov 15; eco-box).
    struct Fixture {
        let ws: Workspace
        let sessions: [Session]
        let people: [Participant]
        let moderator: Moderator
    }

    static let ecoA = [5, 4, 4, 3, 5], payA = [3, 4, 2, 3, 4], ecoB = [4, 5, 3], payB = [4, 2, 2]

    static func fixture() throws -> Fixture {
        let ws = try Workspace()
        try ws.panel()
        _ = try ws.db.createPanel(key: "other-pool", name: "Other pool", kind: .pool, description: nil)
        _ = try ws.db.addConcept(key: "eco-box", title: "Eco box")
        _ = try ws.db.addConcept(key: "pay-later", title: "Pay later")
        let segments: [String?] = ["SMB", "SMB", "Enterprise", "Enterprise", nil, nil]
        let people = try ["Anna", "Åsa", "Øystein", "Mikko", "Liisa", "Jussi"].enumerated().map { index, name in
            try ws.participant(name, panel: "nordic-pool", attributes: segments[index].map { [("segment", $0)] } ?? [])
        }
        let outsider = try ws.participant("Pekka", panel: "other-pool")
        let moderator = try ws.moderator()
        let policy = EligibilityPolicy(coolDown: CalendarPeriod())
        func hold(_ start: String, _ panel: String, _ attended: [Participant], noShow: [Participant] = [],
                  _ concepts: [String]) throws -> Session {
            let session = try ws.session(start: start, moderators: [moderator], panel: panel, allowPast: true)
            try ws.invite(session, attended + noShow, policy: policy)
            for person in attended + noShow { _ = try ws.db.respond(session.key, participant: person.key, accepts: true, policy: policy) }
            _ = try ws.db.recordAttendance(session.key, attended: attended.map(\.key), noShow: noShow.map(\.key))
            _ = try ws.db.presentConcepts(session: session.key, concepts: concepts, rotate: false)
            return session
        }
        let a = try hold("2026-11-10 10:00", "nordic-pool", Array(people[0..<5]), noShow: [people[5]], ["eco-box", "pay-later"])
        _ = try ws.db.completeSession(a.key)
        let b = try hold("2026-11-25 10:00", "nordic-pool", Array(people[0..<3]), ["pay-later", "eco-box"])
        let c = try hold("2026-11-15 10:00", "other-pool", [outsider], ["eco-box"])
        func react(_ session: Session, _ concept: String, _ person: Participant, _ appeal: Int, recommend: Int = 8) throws {
            _ = try ws.db.react(session: session.key, concept: concept, participant: person.key, appeal: appeal, intent: 3,
                                recommend: recommend, expectation: nil)
        }
        for (index, person) in people[0..<5].enumerated() {
            try react(a, "eco-box", person, ecoA[index], recommend: index < 2 ? 10 : 5)
            try react(a, "pay-later", person, payA[index])
        }
        for (index, person) in people[0..<3].enumerated() {
            try react(b, "pay-later", person, payB[index])
            try react(b, "eco-box", person, ecoB[index], recommend: 9)
        }
        try react(c, "eco-box", outsider, 1, recommend: 0)
        return Fixture(ws: ws, sessions: [a, b, c], people: people, moderator: moderator)
    }

    @Test("a concept across every session, one panel's, or those since a day; by segment with (none) last")
    func conceptReport() throws {
        let f = try Self.fixture()
        let all = try f.ws.db.conceptReport("eco-box")
        #expect(all.sessions.map(\.session.key) == [f.sessions[0].key, f.sessions[2].key, f.sessions[1].key], "start order")
        #expect(all.sessions.map(\.position) == [1, 1, 2])
        #expect(all.overall.n == 9)
        #expect(all.groups.isEmpty)

        let panel = try f.ws.db.conceptReport("eco-box", panel: "nordic-pool", by: "segment")
        #expect(panel.overall.n == 8)
        #expect(panel.overall.appeal.mean == 33.0 / 8)
        #expect(panel.overall.appeal.interval == ScoreSummary(Self.ecoA + Self.ecoB).interval)
        #expect(panel.overall.appealTopTwo.count == 6 && panel.overall.appealTopTwo.n == 8)
        #expect(panel.overall.appealTopTwo.interval == WilsonInterval(count: 6, n: 8).interval)
        // Recommend: 10, 10 (promoters), 5, 5, 5 (detractors) in S-0001; 9, 9, 9 in S-0002.
        #expect(panel.overall.nps.promoters == 5 && panel.overall.nps.detractors == 3)
        #expect(panel.overall.nps.interval == (try NetPromoterScore([10, 10, 5, 5, 5, 9, 9, 9])).interval)
        #expect(panel.groups.map(\.value) == ["Enterprise", "SMB", "(none)"])
        #expect(panel.groups.map(\.score.n) == [3, 4, 1])
        #expect(panel.groups[0].score.appeal.mean == 10.0 / 3)
        #expect(panel.groups[1].score.appeal.mean == 4.5)

        let recent = try f.ws.db.conceptReport("eco-box", since: Workspace.instant("2026-11-20T00:00:00Z"))
        #expect(recent.sessions.map(\.session.key) == [f.sessions[1].key])
        #expect(recent.overall.n == 3)

        expectRoundtableError(.invalidData) { try f.ws.db.conceptReport("nope") }
        expectRoundtableError(.invalidData) { try f.ws.db.conceptReport("eco-box", panel: "nope") }
    }

    @Test("a panel: attendance, concepts, the paired test over both sessions, and appeal by position")
    func panelConcepts() throws {
        let f = try Self.fixture()
        let report = try f.ws.db.panelReport("nordic-pool", zone: Zone.named("Europe/Helsinki"))
        #expect(report.sessions.map(\.key) == [f.sessions[0].key, f.sessions[1].key])
        #expect(report.attendance == PanelAttendance(sessions: 2, held: 1, attended: 8, noShow: 1))
        #expect(report.attendance.noShowRate == 1.0 / 9)
        #expect(report.concepts.map(\.key) == ["eco-box", "pay-later"])
        #expect(report.concepts.map(\.n) == [8, 8])
        let pair = try #require(report.comparisons.first)
        #expect(report.comparisons.count == 1)
        #expect((pair.first, pair.second) == ("eco-box", "pay-later"))
        #expect(pair.sessions == [f.sessions[0].key, f.sessions[1].key])
        // eco − pay: 2, 0, 2, 0, 1 and 0, 3, 1: three zeros dropped, all five others positive.
        #expect(pair.test == WilcoxonSignedRank(differences: [2, 0, 2, 0, 1, 0, 3, 1]))
        #expect(pair.test.n == 5 && pair.test.zeros == 3 && pair.test.statistic == 0 && pair.test.ties)
        #expect(pair.firstAppeal.mean == 33.0 / 8 && pair.secondAppeal.mean == 24.0 / 8)
        // Position 1: eco-box in S-0001 and pay-later in S-0002; position 2 the other way round.
        #expect(report.positions.map(\.position) == [1, 2])
        #expect(report.positions.map(\.appeal.n) == [8, 8])
        #expect(report.positions[0].appeal.mean == 29.0 / 8)
        #expect(report.positions[1].appeal.mean == 28.0 / 8)

        let later = try f.ws.db.panelReport("nordic-pool", since: Workspace.instant("2026-11-20T00:00:00Z"),
                                            zone: Zone.named("Europe/Helsinki"))
        #expect(later.attendance == PanelAttendance(sessions: 1, held: 0, attended: 3, noShow: 0))
        #expect(later.comparisons.first?.test == WilcoxonSignedRank(differences: [0, 3, 1]))
        expectRoundtableError(.invalidData) { try f.ws.db.panelReport("nope", zone: Zone.utc) }
    }

    @Test("surveys by quarter in the zone given: the sessions' and members' own, not others'")
    func surveyQuarters() throws {
        let f = try Self.fixture()
        let (a, people) = (f.sessions[0], f.people)
        _ = try f.ws.db.recordSurvey(participant: people[0].key, session: a.key, quality: 5, speed: 4, price: 3, trust: 5, recommend: 10)
        _ = try f.ws.db.recordSurvey(participant: people[1].key, session: a.key, quality: 3, speed: 4, price: 2, trust: 4, recommend: 6)
        // 2026-09-30 21:30 UTC is already October 1 in Helsinki.
        f.ws.clock.set(Workspace.instant("2026-09-30T21:30:00Z"))
        _ = try f.ws.db.recordSurvey(participant: people[4].key, quality: 4, speed: 4, price: 4, trust: 4, recommend: 9)
        f.ws.clock.set(Workspace.instant("2026-08-01T09:00:00Z"))
        _ = try f.ws.db.recordSurvey(participant: people[2].key, quality: 1, speed: 1, price: 1, trust: 1, recommend: 0)
        let outsider = try f.ws.participant("Ville", panel: "other-pool")
        _ = try f.ws.db.recordSurvey(participant: outsider.key, quality: 2, speed: 2, price: 2, trust: 2, recommend: 2)

        let helsinki = try f.ws.db.panelReport("nordic-pool", zone: Zone.named("Europe/Helsinki")).quarters
        #expect(helsinki.map(\.label) == ["2026-Q3", "2026-Q4"])
        #expect(helsinki.map(\.summary.n) == [1, 3])
        #expect(helsinki[1].summary.quality == ScoreSummary([5, 3, 4]))
        #expect(helsinki[1].summary.recommend == NetPromoterScore(promoters: 2, passives: 0, detractors: 1))
        let utc = try f.ws.db.panelReport("nordic-pool", zone: Zone.utc).quarters
        #expect(utc.map(\.summary.n) == [2, 2], "in UTC the September 30 answer stays in Q3")
    }

    @Test("top codes quote only consenting participants, count the rest as withheld; actions open and done")
    func codesAndActions() throws {
        let f = try Self.fixture()
        let (a, b, c, people) = (f.sessions[0], f.sessions[1], f.sessions[2], f.people)
        _ = try f.ws.db.recordConsent(people[0].key, scope: .quotes, given: true, version: "2026-01")
        _ = try f.ws.db.recordConsent(people[2].key, scope: .quotes, given: true, version: "2026-01")
        f.ws.clock.set(Workspace.instant("2026-12-01T10:00:00Z"))
        _ = try f.ws.db.recordConsent(people[2].key, scope: .quotes, given: false, version: "2026-01")
        _ = try f.ws.db.addCode(name: "Price")
        _ = try f.ws.db.addCode(name: "Trust")
        func say(_ session: Session, _ speaker: String, _ text: String, _ codes: String...) throws {
            let utterance = try f.ws.db.addUtterance(session: session.key, speaker: speaker, at: nil, text: text)
            for code in codes { _ = try f.ws.db.applyCode(code, to: utterance.key) }
        }
        try say(a, "\(people[0].key)", "Too dear for me", "Price")
        try say(b, "\(people[0].key)", "The monthly fee is far too high", "Price", "Trust")
        try say(a, "\(people[0].key)", "Fee", "Price")
        try say(a, "\(people[1].key)", "I would not pay that", "Price")
        try say(a, "\(f.moderator.key)", "What about the price?", "Price")
        try say(a, "\(people[2].key)", "I do not trust them", "Trust")
        try say(c, "P-000007", "Outside the panel", "Trust")
        let action = try f.ws.db.addNote(session: a.key, at: nil, kind: .action, text: "Send the price sheet")
        f.ws.clock.set(Workspace.instant("2026-12-02T10:00:00Z"))
        _ = try f.ws.db.closeNote(action.key)
        _ = try f.ws.db.addNote(session: b.key, at: nil, kind: .action, text: "Call back Anna")
        _ = try f.ws.db.addNote(session: b.key, at: nil, kind: .observation, text: "Quiet group")
        _ = try f.ws.db.addNote(session: c.key, at: nil, kind: .action, text: "Not this panel's")

        let report = try f.ws.db.panelReport("nordic-pool", zone: Zone.utc)
        #expect(report.topCodes.map(\.path) == ["Price", "Trust"])
        #expect(report.topCodes.map(\.codings) == [5, 2])
        #expect(report.topCodes[0].quotes.map(\.text) == ["The monthly fee is far too high", "Too dear for me"])
        #expect(report.topCodes[0].withheld == 1, "Åsa gave no quotes consent; the moderator is neither quoted nor withheld")
        #expect(report.topCodes[1].quotes.map(\.text) == ["The monthly fee is far too high"])
        #expect(report.topCodes[1].withheld == 1, "Øystein withdrew quotes consent")
        let one = try f.ws.db.panelReport("nordic-pool", zone: Zone.utc, topCodes: 1, quotes: 1).topCodes
        #expect(one.map(\.path) == ["Price"] && one[0].quotes.count == 1)
        #expect(report.actions.map(\.note.text) == ["Send the price sheet", "Call back Anna"])
        #expect(report.actions.map(\.session.key) == [a.key, b.key])
        #expect(report.actions[0].note.closedAt == Workspace.instant("2026-12-02T10:00:00Z"))
        #expect(report.actions[1].note.closedAt == nil)
    }
}

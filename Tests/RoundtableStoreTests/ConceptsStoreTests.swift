import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// Concepts, the order sessions show them in, reactions from attendees, and their scores.
@Suite("Store: concepts and reactions")
struct ConceptsStoreTests {
    /// Three concepts and S-0001, which happened yesterday, with four people attended and it showing
    /// eco-box then pay-later.
    static func attendedSession() throws -> (Workspace, Session, [Participant]) {
        let ws = try Workspace()
        try ws.panel()
        try addConcepts(ws)
        let session = try ws.session(start: "2026-11-30 10:00", moderators: [ws.moderator()], panel: "nordic-pool",
                                     allowPast: true)
        let people = try ["Anna", "Åsa", "Øystein", "Mikko"].map { try ws.participant($0, panel: "nordic-pool") }
        try ws.invite(session, people)
        for person in people { _ = try ws.db.respond(session.key, participant: person.key, accepts: true) }
        _ = try ws.db.recordAttendance(session.key, attended: people.map(\.key), noShow: [])
        _ = try ws.db.presentConcepts(session: session.key, concepts: ["eco-box", "pay-later"], rotate: false)
        return (ws, session, people)
    }

    static func addConcepts(_ ws: Workspace) throws {
        _ = try ws.db.addConcept(key: "eco-box", title: "Eco box", description: "Returnable delivery box", version: "v2")
        _ = try ws.db.addConcept(key: "pay-later", title: "Pay later")
        _ = try ws.db.addConcept(key: "family-plan", title: "Family plan")
    }

    @discardableResult
    static func react(_ ws: Workspace, _ session: Session, _ concept: String, _ person: Participant, appeal: Int = 4,
                      intent: Int = 3, recommend: Int = 8, expectation: Int? = nil) throws -> RecordedReaction {
        try ws.db.react(session: session.key, concept: concept, participant: person.key, appeal: appeal, intent: intent,
                        recommend: recommend, expectation: expectation)
    }

    @Test("a concept is added under its key; a second one with that key is refused")
    func addAndDuplicate() throws {
        let ws = try Workspace()
        let concept = try ws.db.addConcept(key: "eco-box", title: "Eco\u{301} box", description: "  ", version: " v2 ")
        #expect(concept.key == "eco-box")
        #expect(concept.title == "Ecó box", "titles are stored composed")
        #expect(concept.description == nil, "a blank description is none")
        #expect(concept.version == "v2")
        #expect(try ws.auditActions() == ["concept.add"])
        let duplicate = expectRoundtableError(.invalidData) { try ws.db.addConcept(key: "eco-box", title: "Again") }
        #expect(duplicate?.message == "concept eco-box already exists")
        #expect(try ws.db.concepts().map(\.concept.key) == ["eco-box"])
    }

    @Test("bad keys and titles are usage errors", arguments: [("Eco-Box", "Eco"), ("e", "Eco"), ("eco box", "Eco"),
                                                             ("-eco", "Eco"), ("eco-box", "")])
    func badInput(key: String, title: String) throws {
        let ws = try Workspace()
        expectRoundtableError(.usage) { try ws.db.addConcept(key: key, title: title) }
        #expect(try ws.db.concepts().isEmpty)
    }

    @Test("presenting records the order given; unknown, repeated and empty lists are refused")
    func presentOrder() throws {
        let ws = try Workspace()
        try Self.addConcepts(ws)
        let session = try ws.session(moderators: [ws.moderator()])
        let lineup = try ws.db.presentConcepts(session: session.key, concepts: ["pay-later", "eco-box", "family-plan"],
                                               rotate: false)
        #expect(lineup.map(\.concept.key) == ["pay-later", "eco-box", "family-plan"])
        #expect(lineup.map(\.position) == [1, 2, 3])
        #expect(try ws.db.conceptScores(session: session.key).map(\.position) == [1, 2, 3])
        let unknown = expectRoundtableError(.invalidData) {
            try ws.db.presentConcepts(session: session.key, concepts: ["eco-box", "no-such"], rotate: false)
        }
        #expect(unknown?.message == "no concept no-such in this workspace")
        let twice = expectRoundtableError(.usage) {
            try ws.db.presentConcepts(session: session.key, concepts: ["eco-box", "eco-box"], rotate: false)
        }
        #expect(twice?.message == "concept eco-box is named twice")
        expectRoundtableError(.usage) { try ws.db.presentConcepts(session: session.key, concepts: [], rotate: false) }
        // Before anyone reacts, a new order replaces the old one.
        let replaced = try ws.db.presentConcepts(session: session.key, concepts: ["family-plan"], rotate: false)
        #expect(replaced.map(\.concept.key) == ["family-plan"])
        #expect(try ws.db.conceptScores(session: session.key).map(\.key) == ["family-plan"])
        #expect(try ws.auditActions().filter { $0 == "concept.present" }.count == 2)
    }

    @Test("a cancelled session shows nothing")
    func cancelledSession() throws {
        let ws = try Workspace()
        try Self.addConcepts(ws)
        let session = try ws.session(moderators: [ws.moderator()])
        _ = try ws.db.cancelSession(session.key, reason: "moderator ill")
        let error = expectRoundtableError(.invalidData) {
            try ws.db.presentConcepts(session: session.key, concepts: ["eco-box"], rotate: false)
        }
        #expect(error?.message == "cannot present concepts in S-0001: it is cancelled")
    }

    @Test("rotation puts each concept first equally often over a full cycle", arguments: [3, 4, 5, 6])
    func rotationCycle(count: Int) throws {
        let ws = try Workspace()
        try ws.panel()
        let keys = ["c-one", "c-two", "c-three", "c-four", "c-five", "c-six"].prefix(count)
        for key in keys { _ = try ws.db.addConcept(key: key, title: key) }
        let moderator = try ws.moderator()
        let cycle = ConceptRotation.cycleLength(count: count)
        let sessions = try (1...cycle).map { day in
            try ws.session(start: String(format: "2027-02-%02d 10:00", day), moderators: [moderator], panel: "nordic-pool")
        }
        var firsts: [String: Int] = [:]
        var orders: [[String]] = []
        for session in sessions {
            let lineup = try ws.db.presentConcepts(session: session.key, concepts: Array(keys.shuffled()), rotate: true)
            #expect(Set(lineup.map(\.concept.key)) == Set(keys))
            firsts[lineup[0].concept.key, default: 0] += 1
            orders.append(lineup.map(\.concept.key))
        }
        #expect(Set(orders.prefix(count).map(\.first)).count == count, "the first k sessions all start differently")
        #expect(firsts.count == count)
        #expect(firsts.values.allSatisfy { $0 == cycle / count })
        let sorted = keys.sorted()
        #expect(orders[0] == ConceptRotation.order(count: count, session: 0).map { sorted[$0] })
    }

    @Test("rotation counts only earlier, live sessions of the same panel showing the same set")
    func rotationScope() throws {
        let ws = try Workspace()
        try ws.panel()
        try ws.panel("oslo-pool")
        try Self.addConcepts(ws)
        let moderator = try ws.moderator()
        func session(_ day: Int, panel: String?) throws -> Session {
            try ws.session(start: "2027-02-0\(day) 10:00", moderators: [moderator], panel: panel)
        }
        func first(_ session: Session, _ concepts: [String] = ["pay-later", "family-plan", "eco-box"]) throws -> String {
            try ws.db.presentConcepts(session: session.key, concepts: concepts, rotate: true)[0].concept.key
        }
        let later = try session(5, panel: "nordic-pool")
        let earlier = try session(1, panel: "nordic-pool")
        #expect(try first(later) == "eco-box", "row 0 while nothing earlier shows the set")
        #expect(try first(earlier) == "eco-box", "the later session does not count for the earlier one")
        #expect(try first(later) == "family-plan", "presenting again recounts: now row 1")
        let otherPanel = try session(3, panel: "oslo-pool")
        #expect(try first(otherPanel) == "eco-box")
        let noPanel = try session(4, panel: nil)
        #expect(try first(noPanel) == "eco-box")
        let differentSet = try session(2, panel: "nordic-pool")
        #expect(try first(differentSet, ["eco-box", "pay-later"]) == "eco-box")
        _ = try ws.db.cancelSession(earlier.key, reason: "snow")
        #expect(try first(later) == "eco-box", "a cancelled session does not count")
    }

    @Test("once someone reacted, the order cannot change; the same order again is fine")
    func representRefusedAfterReaction() throws {
        let (ws, session, people) = try Self.attendedSession()
        try Self.react(ws, session, "eco-box", people[0])
        let error = expectRoundtableError(.invalidData) {
            try ws.db.presentConcepts(session: session.key, concepts: ["pay-later", "eco-box"], rotate: false)
        }
        #expect(error?.message == "cannot change the concepts of S-0001 (eco-box, pay-later): 1 reaction is already recorded")
        let same = try ws.db.presentConcepts(session: session.key, concepts: ["eco-box", "pay-later"], rotate: false)
        #expect(same.map(\.concept.key) == ["eco-box", "pay-later"])
        #expect(try ws.db.conceptScores(session: session.key).map(\.n) == [1, 0])
    }

    @Test("only attendees react, and only to concepts the session showed")
    func reactRefused() throws {
        let ws = try Workspace()
        try ws.panel()
        try Self.addConcepts(ws)
        let session = try ws.session(start: "2026-11-30 10:00", moderators: [ws.moderator()], panel: "nordic-pool",
                                     allowPast: true)
        let people = try ["Invited", "Confirmed", "Absent", "Present", "Stranger"].map {
            try ws.participant($0, panel: "nordic-pool")
        }
        try ws.invite(session, Array(people.prefix(4)))
        for person in people[1...3] { _ = try ws.db.respond(session.key, participant: person.key, accepts: true) }
        _ = try ws.db.recordAttendance(session.key, attended: [people[3].key], noShow: [people[2].key])
        _ = try ws.db.presentConcepts(session: session.key, concepts: ["eco-box"], rotate: false)
        for (person, seat) in zip(people.prefix(3), ["invited", "confirmed", "no-show"]) {
            let error = expectRoundtableError(.invalidData) { try Self.react(ws, session, "eco-box", person) }
            #expect(error?.message == "\(person.key) cannot react in S-0001: their seat is \(seat), not attended")
        }
        let stranger = expectRoundtableError(.invalidData) { try Self.react(ws, session, "eco-box", people[4]) }
        #expect(stranger?.message == "P-000005 was not invited to S-0001")
        let notShown = expectRoundtableError(.invalidData) { try Self.react(ws, session, "pay-later", people[3]) }
        #expect(notShown?.message == "concept pay-later was not presented in S-0001")
        let unknown = expectRoundtableError(.invalidData) { try Self.react(ws, session, "no-such", people[3]) }
        #expect(unknown?.message == "no concept no-such in this workspace")
        expectRoundtableError(.usage) { try Self.react(ws, session, "eco-box", people[3], appeal: 6) }
        expectRoundtableError(.usage) { try Self.react(ws, session, "eco-box", people[3], recommend: 11) }
        expectRoundtableError(.usage) { try Self.react(ws, session, "eco-box", people[3], expectation: -3) }
        #expect(try ws.db.conceptScores(session: session.key)[0].n == 0)
        #expect(try Self.react(ws, session, "eco-box", people[3]).reaction.key.description == "R-0001")
    }

    @Test("a second reaction from the same person replaces the first, when asked to, and keeps its key")
    func replaceReaction() throws {
        let (ws, session, people) = try Self.attendedSession()
        let first = try Self.react(ws, session, "eco-box", people[0], appeal: 2, recommend: 3)
        #expect(first.replaced == false)
        #expect(first.reaction.key.description == "R-0001")
        let other = try Self.react(ws, session, "pay-later", people[0])
        #expect(other.reaction.key.description == "R-0002" && !other.replaced)
        let second = try ws.db.react(session: session.key, concept: "eco-box", participant: people[0].key, appeal: 5,
                                     intent: 5, recommend: 10, expectation: 2, comment: " Much better ", replace: true)
        #expect(second.replaced)
        #expect(second.reaction.key.description == "R-0001")
        #expect(second.reaction.comment == "Much better")
        let score = try ws.db.conceptScores(session: session.key)[0]
        #expect(score.n == 1)
        #expect(score.appeal.mean == 5)
        #expect(score.nps.rounded == 100)
        #expect(try ws.auditActions().suffix(3) == ["concept.react", "concept.react", "concept.replace-reaction"])
    }

    @Test("scores match hand-computed values")
    func scores() throws {
        let (ws, session, people) = try Self.attendedSession()
        let answers: [(appeal: Int, intent: Int, recommend: Int, expectation: Int?)] =
            [(4, 2, 10, 1), (5, 3, 9, 0), (3, 4, 7, -1), (4, 5, 3, nil)]
        for (person, answer) in zip(people, answers) {
            try Self.react(ws, session, "eco-box", person, appeal: answer.appeal, intent: answer.intent,
                           recommend: answer.recommend, expectation: answer.expectation)
        }
        try Self.react(ws, session, "pay-later", people[0], recommend: 6)
        let scores = try ws.db.conceptScores(session: session.key)
        #expect(scores.map(\.key) == ["eco-box", "pay-later"])
        let eco = scores[0]
        #expect(eco.title == "Eco box" && eco.position == 1 && eco.n == 4)
        #expect(eco.appeal.mean == 4.0)
        // sd = √(2/3); half width = t(3) × sd / √4 = 3.182 × 0.8165 / 2.
        #expect(abs((eco.appeal.halfWidth ?? 0) - 1.2990) < 0.0005)
        #expect(eco.intent.mean == 3.5)
        #expect(eco.nps.promoters == 2 && eco.nps.passives == 1 && eco.nps.detractors == 1)
        #expect(eco.nps.rounded == 25)
        #expect(eco.expectation == ExpectationTally(missed: 1, met: 1, exceeded: 1))
        let pay = scores[1]
        #expect(pay.position == 2 && pay.n == 1 && pay.nps.rounded == -100 && pay.nps.n == 1)
        #expect(pay.appeal.mean == 4 && pay.appeal.interval == nil)
        #expect(pay.expectation.n == 0)
    }

    @Test("across sessions: every concept by key, with the sessions it was shown in")
    func scoresAcrossSessions() throws {
        let (ws, session, people) = try Self.attendedSession()
        for person in people { try Self.react(ws, session, "pay-later", person, recommend: 9 + Int(person.id! % 2)) }
        let later = try ws.session(start: "2027-01-15 10:00", moderators: [ws.moderator("Øystein Berg")], panel: "nordic-pool")
        _ = try ws.db.presentConcepts(session: later.key, concepts: ["family-plan", "pay-later"], rotate: false)
        let all = try ws.db.conceptScores(session: nil)
        #expect(all.map(\.key) == ["eco-box", "family-plan", "pay-later"])
        #expect(all.allSatisfy { $0.position == nil })
        #expect(all.map(\.n) == [0, 0, 4])
        #expect(all[0].nps.rounded == nil)
        #expect(all[2].nps.rounded == 100, "all promoters")
        let details = try ws.db.conceptDetails("pay-later")
        #expect(details.concept.title == "Pay later")
        #expect(details.showings.map(\.session.key) == [session.key, later.key])
        #expect(details.showings.map(\.position) == [2, 2])
        #expect(details.showings.map(\.score.n) == [4, 0])
        #expect(details.score == all[2])
        expectRoundtableError(.invalidData) { try ws.db.conceptDetails("no-such") }
        expectRoundtableError(.invalidData) { try ws.db.conceptScores(session: EntityKey(.session, id: 42)) }
        let listed = try ws.db.concepts()
        #expect(listed.map(\.sessions) == [1, 1, 2])
        #expect(listed.map(\.reactions) == [0, 0, 4])
    }
}

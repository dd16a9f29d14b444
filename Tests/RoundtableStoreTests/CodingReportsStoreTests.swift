import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// Coded segments, the code × case matrix and code co-occurrence on a small hand-built workspace:
/// two panel sessions and one without a panel, three participants, a moderator, three codes.
@Suite("Store: coded segments, code matrix, co-occurrence")
struct CodingReportsStoreTests {
    let ws: Workspace
    let sessions: [Session]
    let people: [Participant]

    init() throws {
        ws = try Workspace()
        let moderator = try ws.moderator()
        try ws.panel()
        people = [try ws.participant("Äijälä Matti", panel: "nordic-pool", attributes: [("segment", "SMB"), ("city", "Oulu")]),
                  try ws.participant("Berg Øystein", panel: "nordic-pool", attributes: [("segment", "Enterprise")]),
                  try ws.participant("Åsa Virtanen", panel: "nordic-pool")]
        sessions = [try ws.session("Mobile banking", moderators: [moderator], panel: "nordic-pool"),
                    try ws.session("Branch visits", start: "2027-10-12 10:00", zone: "Europe/Oslo", moderators: [moderator],
                                   panel: "nordic-pool"),
                    try ws.session("Outside the panel", start: "2028-05-02 10:00", moderators: [moderator])]
        for session in sessions { try ws.invite(session, people) }
        try ws.db.addCode(name: "Channel")
        try ws.db.addCode(name: "Phone", parent: "Channel")
        try ws.db.addCode(name: "Trust")
    }

    /// Appends a turn to `session` spoken by `person` (nil: the moderator), straight into the table.
    @discardableResult
    func turn(_ session: Session, _ person: Participant?, _ text: String, at startMs: Int? = nil) throws -> Utterance {
        try ws.db.write { db in
            let sequence = try Int.fetchOne(db, sql: "SELECT COUNT(*) + 1 FROM utterance WHERE sessionId = ?", arguments: [session.id!]) ?? 1
            var utterance = Utterance(sessionId: session.id!, sequence: sequence, participantId: person?.id,
                                      moderatorId: person == nil ? 1 : nil, speakerLabel: person?.displayName ?? "Åsa Lindqvist",
                                      startMs: startMs, text: text)
            try utterance.insert(db)
            return utterance
        }
    }

    /// The coded turns used by most tests: 7 codings on 4 turns in the two panel sessions, 1 outside.
    func codeTurns() throws {
        let (matti, oystein, asa) = (people[0], people[1], people[2])
        let first = try turn(sessions[0], matti, "I phone them, but Øystein never trusts \"the app\", really", at: 65_000)
        try ws.db.applyCode("Phone", to: first.key, from: 2, to: 7)
        try ws.db.applyCode("Trust", to: first.key, from: 18, to: 48)
        try ws.db.applyCode("Channel", to: first.key)
        let second = try turn(sessions[0], oystein, "Calls are slow,\nvery slow")
        try ws.db.applyCode("Phone", to: second.key, from: 0, to: 5)
        let third = try turn(sessions[1], nil, "How do you feel about the branch?")
        try ws.db.applyCode("Trust", to: third.key, from: 0, to: 3)
        let fourth = try turn(sessions[1], asa, "I trust people, not phones")
        try ws.db.applyCode("Trust", to: fourth.key, from: 2, to: 7)
        try ws.db.applyCode("Phone", to: fourth.key, from: 20, to: 26)
        let outside = try turn(sessions[2], matti, "Phones again")
        try ws.db.applyCode("Phone", to: outside.key)
    }

    func segments(_ scope: SessionScope, pseudonymize: Bool = false) throws -> (attributes: [String], rows: [CodedSegment], export: SegmentExport) {
        var attributes: [String] = []
        var rows: [CodedSegment] = []
        let export = try ws.db.codedSegments(scope, pseudonymize: pseudonymize, attributes: { attributes = $0 }, segment: { rows.append($0) })
        return (attributes, rows, export)
    }

    @Test("segments come session by session, turn by turn, by span start, with the speaker's attributes and the covered text")
    func segmentRows() throws {
        try codeTurns()
        let (attributes, rows, export) = try segments(.panel("nordic-pool"))
        #expect(attributes == ["city", "segment"])
        #expect(export.count == 7)
        #expect(export.sessions == [sessions[0].key, sessions[1].key])
        #expect(rows.map(\.codePath) == ["Channel", "Channel/Phone", "Trust", "Channel/Phone", "Trust", "Trust", "Channel/Phone"])
        #expect(rows.map(\.text) == ["I phone them, but Øystein never trusts \"the app\", really", "phone",
                                     "Øystein never trusts \"the app\"", "Calls", "How", "trust", "phones"])
        let whole = rows[0]
        #expect(whole.isWholeUtterance)
        #expect(whole.span == TextSpan(start: 0, end: 56))
        #expect(whole.speakerKey == "P-000001")
        #expect(whole.speaker == "Äijälä Matti")
        #expect(whole.attributes == ["segment": "SMB", "city": "Oulu"])
        #expect(whole.utteranceStartMs == 65_000)
        #expect(whole.session == sessions[0].key)
        #expect(rows[4].speakerKey == "M-0001")
        #expect(rows[4].attributes.isEmpty)
        #expect(rows[5].attributes.isEmpty, "Åsa Virtanen has no attributes")
        #expect(rows[5].sessionTimeZone == "Europe/Oslo")
        #expect(try segments(.all).rows.count == 8)
        #expect(try segments(.sessions([sessions[2].key, sessions[2].key])).rows.map(\.text) == ["Phones again"])
    }

    @Test("pseudonymized: participants are study codes in speakers and text, spans follow, the moderator keeps her name")
    func pseudonymizedSegments() throws {
        try codeTurns()
        let (_, rows, export) = try segments(.sessions([sessions[0].key, sessions[1].key]), pseudonymize: true)
        #expect(rows[0].text == "I phone them, but P02 never trusts \"the app\", really")
        #expect(rows[2].text == "P02 never trusts \"the app\"")
        #expect(rows.map(\.speakerKey) == ["P01", "P01", "P01", "P02", "M-0001", "P03", "P03"])
        #expect(rows[3].speaker == "P02")
        #expect(rows[4].speaker == "Åsa Lindqvist")
        #expect(rows[0].attributes["segment"] == "SMB", "attributes describe, they do not name")
        #expect(export.pseudonymKey.pseudonyms.map(\.code) == ["P01", "P02", "P03"])
        #expect(export.pseudonymKey.sessions == ["S-0001", "S-0002"])
    }

    @Test("a forgotten participant's name appears nowhere: not as speaker, not in anyone's text, not in attributes")
    func forgottenParticipant() throws {
        try codeTurns()
        _ = try ws.db.forgetParticipant(people[1].key)
        let rows = try segments(.all).rows
        for row in rows {
            for name in ["Øystein", "Berg"] {
                #expect(!row.text.contains(name) && !row.speaker.contains(name), "\(row)")
            }
        }
        #expect(rows[3].speaker == "P-000002")
        #expect(rows[3].attributes.isEmpty)
        #expect(rows[2].text == "P-000002 never trusts \"the app\"")
    }

    @Test("by participant: a column per speaking participant and (others) for the moderator; totals count each coding once")
    func matrixByParticipant() throws {
        try codeTurns()
        let matrix = try ws.db.codeMatrix(.panel("nordic-pool"), by: .participant)
        #expect(matrix.cases.map(\.key) == ["P-000001", "P-000002", "P-000003", "(others)"])
        #expect(matrix.cases[0].label == "Äijälä Matti")
        #expect(matrix.rows.map(\.path) == ["Channel", "Channel/Phone", "Trust"])
        #expect(matrix.rows.map(\.counts) == [[1, 0, 0, 0], [1, 1, 1, 0], [1, 0, 1, 1]])
        #expect(matrix.caseTotals == [3, 1, 2, 1])
        #expect(matrix.total == 7)
        let rolled = try ws.db.codeMatrix(.panel("nordic-pool"), by: .participant, includeChildren: true)
        #expect(rolled.rows[0].counts == [2, 1, 1, 0])
        #expect(rolled.total == 7)
    }

    @Test("by session and by attribute value, with (none) for participants without it and (others) for the rest")
    func matrixBySessionAndAttribute() throws {
        try codeTurns()
        let bySession = try ws.db.codeMatrix(.all, by: .session)
        #expect(bySession.cases.map(\.key) == ["S-0001", "S-0002", "S-0003"])
        #expect(bySession.cases[1].label == "Branch visits")
        #expect(bySession.caseTotals == [4, 3, 1])
        let bySegment = try ws.db.codeMatrix(.all, by: .attribute("segment"))
        #expect(bySegment.cases.map(\.key) == ["Enterprise", "SMB", "(none)", "(others)"])
        #expect(bySegment.rows.map(\.counts) == [[0, 1, 0, 0], [1, 2, 1, 0], [0, 1, 1, 1]])
        #expect(bySegment.total == 8)
        let missing = expectRoundtableError(.invalidData) { try ws.db.codeMatrix(.all, by: .attribute("Segment")) }
        #expect(missing?.message == "no participant attribute Segment in this workspace (participants have: city, segment)")
        let panel = expectRoundtableError(.invalidData) { try ws.db.codeMatrix(.panel("nowhere"), by: .session) }
        #expect(panel?.message == "no panel nowhere in this workspace")
        let session = expectRoundtableError(.invalidData) { try ws.db.codeMatrix(.sessions([EntityKey(.session, id: 9)]), by: .session) }
        #expect(session?.message == "no session S-0009 in this workspace")
    }

    @Test("by concept: codings of reaction comments, under the concept reacted to")
    func matrixByConcept() throws {
        try codeTurns()
        let reactions = try ws.db.write { db in
            var concepts = [Concept(key: "eco-box", title: "Eco box", createdAt: Workspace.start),
                            Concept(key: "app-2", title: "App 2.0", createdAt: Workspace.start)]
            var reactions: [Reaction] = []
            for index in concepts.indices {
                try concepts[index].insert(db)
                var shown = Presentation(sessionId: sessions[0].id!, conceptId: concepts[index].id!, position: index + 1)
                try shown.insert(db)
                var reaction = Reaction(presentationId: shown.id!, participantId: people[index].id!, appeal: 4, intent: 3,
                                        recommend: 8, comment: "I would trust it by phone", recordedAt: Workspace.start)
                try reaction.insert(db)
                reactions.append(reaction)
            }
            return reactions
        }
        try ws.db.applyCode("Trust", to: reactions[0].key, from: 8, to: 13)
        try ws.db.applyCode("Phone", to: reactions[0].key, from: 20, to: 25)
        try ws.db.applyCode("Trust", to: reactions[1].key)
        let matrix = try ws.db.codeMatrix(.all, by: .concept)
        #expect(matrix.unit == .reactionComments)
        #expect(matrix.cases == [CodeMatrix.Case(key: "app-2", label: "App 2.0"), CodeMatrix.Case(key: "eco-box", label: "Eco box")])
        #expect(matrix.rows.map(\.path) == ["Channel", "Channel/Phone", "Trust"])
        #expect(matrix.rows.map(\.counts) == [[0, 0], [0, 1], [1, 1]])
        #expect(matrix.total == 3)
        #expect(try ws.db.codeMatrix(.sessions([sessions[1].key]), by: .concept).total == 0)
    }

    @Test("co-occurrence pairs codes whose spans overlap on one turn, most frequent first")
    func cooccurrence() throws {
        try codeTurns()
        let pairs = try ws.db.codeCooccurrence(.all)
        // Turn 1: Channel (whole) overlaps Phone and Trust; Phone (2..7) and Trust (18..48) do not touch.
        // Turn 4: Trust (2..7) and Phone (20..26) do not overlap.
        #expect(pairs == [CodePairCount(first: "Channel", second: "Channel/Phone", count: 1, turns: 1),
                          CodePairCount(first: "Channel", second: "Trust", count: 1, turns: 1)])
        let last = try turn(sessions[1], people[2], "Phone trust phone trust")
        try ws.db.applyCode("Phone", to: last.key, from: 0, to: 11)
        try ws.db.applyCode("Trust", to: last.key, from: 6, to: 23)
        try ws.db.applyCode("Phone", to: last.key, from: 12, to: 17)
        let more = try ws.db.codeCooccurrence(.panel("nordic-pool"))
        #expect(more.first == CodePairCount(first: "Channel/Phone", second: "Trust", count: 2, turns: 1))
        #expect(more.count == 3)
        #expect(try ws.db.codeCooccurrence(.sessions([sessions[2].key])).isEmpty)
    }
}

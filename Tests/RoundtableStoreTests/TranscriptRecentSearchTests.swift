import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("Store: transcript search --sort recent")
struct TranscriptRecentSearchTests {
    /// Three sessions (the middle one started last) of 600 turns each, longer than the first chunk
    /// the walk reads for small limits: "yleinen" in every third turn, "harvinainen" only in turns 500 and 590 of
    /// each, past that chunk; then a few turns added to each in turn, so their rowids interleave; and
    /// the oldest session's turns renumbered backwards.
    struct Archive {
        let ws: Workspace
        let sessions: [Session]
        let person: Participant

        init() throws {
            let ws = try Workspace()
            self.ws = ws
            try ws.panel("north")
            let moderator = try ws.moderator("Liisa Virtanen")
            person = try ws.participant("Matti Äijälä", panel: "north")
            sessions = [
                try ws.session("Old", start: "2027-03-01 10:00", moderators: [moderator], panel: "north"),
                try ws.session("Newest", start: "2027-03-09 10:00", moderators: [moderator]),
                try ws.session("Middle", start: "2027-03-05 10:00", moderators: [moderator], panel: "north"),
            ]
            for session in sessions {
                try ws.invite(session, [person], policy: EligibilityPolicy(coolDown: try CalendarPeriod(parsing: "0")))
                let lines = (1...600).map { turn in
                    let speaker = turn % 2 == 0 ? "Äijälä" : "Liisa"
                    let word = turn % 3 == 0 ? "yleinen" : (turn == 500 || turn == 590 ? "harvinainen" : "muu")
                    return "\(speaker): \(session.title) vuoro \(turn) \(word)."
                }
                _ = try ws.db.importTranscript(session: session.key, text: lines.joined(separator: "\n"), fileName: "\(session.title).txt", replace: false)
            }
            for round in 1...3 {
                for session in sessions {
                    _ = try ws.db.addUtterance(session: session.key, speaker: "\(person.key)", at: nil,
                                               text: "Lisätty \(round) yleinen harvinainen.")
                }
            }
            // No writer does this, but nothing forbids it: the old session's order no longer follows its rowids.
            try ws.db.write { db in
                try db.execute(sql: "UPDATE utterance SET sequence = sequence + 10000 WHERE sessionId = ?", arguments: [sessions[0].id!])
                try db.execute(sql: "UPDATE utterance SET sequence = 20000 - sequence WHERE sessionId = ?", arguments: [sessions[0].id!])
            }
        }

        /// Every match, ordered as --sort recent promises, from the relevance search without a limit.
        func reference(_ query: String, session: EntityKey? = nil, panel: String? = nil) throws -> [EntityKey] {
            let hits = try ws.db.searchTranscripts(query: query, session: session, panel: panel)
            let sequence = try ws.db.read { db in
                try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, sequence FROM utterance").map {
                    (EntityKey(.utterance, id: $0["id"]), $0["sequence"] as Int)
                })
            }
            return hits.sorted { a, b in
                if a.sessionStart != b.sessionStart { return a.sessionStart > b.sessionStart }
                if a.session != b.session { return a.session.id > b.session.id }
                return sequence[a.utterance]! < sequence[b.utterance]!
            }.map(\.utterance)
        }

        /// `--sort recent`'s hits; `walking` takes the session-by-session walk whatever the number of matches.
        func recent(_ query: String, session: EntityKey? = nil, panel: String? = nil, limit: Int? = nil,
                    walking: Bool = false) throws -> [EntityKey] {
            guard walking else {
                return try ws.db.searchTranscripts(query: query, session: session, panel: panel, limit: limit, order: .recent)
                    .map(\.utterance)
            }
            let expression = try SearchExpression.match(query)
            let panelId = try panel.map { name in try ws.db.read { db in try Lookup.panel(db, name).id! } }
            return try ws.db.read { db in
                try RecentMatches(db, expression: expression, fewMatches: 0)
                    .fetch(sessionId: session?.id, panelId: panelId, limit: limit ?? .max)
                    .map { EntityKey(.utterance, id: $0["id"]) }
            }
        }
    }

    @Test("newest session first, in the order spoken; the same hits as relevance, cut at the limit",
          arguments: ["yleinen", "harvinainen", "lisätty", "muu", "vuoro yleinen", "yleinen harvinainen", "ei-ole"])
    func orderAndLimit(query: String) throws {
        let archive = try Archive()
        let all = try archive.reference(query)
        for walking in [false, true] {
            #expect(try archive.recent(query, walking: walking) == all)
            for limit in [1, 2, 5, 50, 500, 2000] {
                #expect(try archive.recent(query, limit: limit, walking: walking) == Array(all.prefix(limit)),
                        "limit \(limit), walking \(walking)")
            }
        }
        if let first = try archive.ws.db.searchTranscripts(query: query, limit: 1, order: .recent).first {
            #expect(first.session == archive.sessions[1].key, "the session that started last comes first")
        }
    }

    @Test("a session or panel filter narrows the walk")
    func filters() throws {
        let archive = try Archive()
        let keys = archive.sessions.map(\.key)
        for query in ["yleinen", "harvinainen"] {
            for limit in [2, 50, nil] as [Int?] {
                for walking in [false, true] {
                    #expect(try archive.recent(query, session: keys[0], limit: limit, walking: walking)
                            == Array(try archive.reference(query, session: keys[0]).prefix(limit ?? .max)))
                    #expect(try archive.recent(query, panel: "north", limit: limit, walking: walking)
                            == Array(try archive.reference(query, panel: "north").prefix(limit ?? .max)))
                }
            }
        }
        let panelHits = try archive.ws.db.searchTranscripts(query: "harvinainen", panel: "north", order: .recent)
        #expect(panelHits.first?.session == keys[2] && panelHits.last?.session == keys[0])
        expectRoundtableError(.invalidData) { try archive.recent("yleinen", panel: "west") }
        expectRoundtableError(.invalidData) { try archive.recent("yleinen", session: EntityKey(.session, id: 9)) }
        expectRoundtableError(.usage) { try archive.recent("yleinen", limit: 0) }
    }

    @Test("a forgotten participant's name stays out of the hits, as with relevance")
    func forgottenParticipant() throws {
        let archive = try Archive()
        _ = try archive.ws.db.forgetParticipant(archive.person.key)
        let recent = try archive.ws.db.searchTranscripts(query: "yleinen", order: .recent)
        let relevance = try archive.ws.db.searchTranscripts(query: "yleinen")
        #expect(recent.count == relevance.count)
        let byUtterance = Dictionary(uniqueKeysWithValues: relevance.map { ($0.utterance, $0) })
        for hit in recent {
            let same = try #require(byUtterance[hit.utterance])
            #expect(hit.speakerLabel == same.speakerLabel && hit.speakerKey == same.speakerKey && hit.snippet == same.snippet)
            #expect(!hit.speakerLabel.contains("Äijälä") && !hit.snippet.contains("Äijälä"))
        }
    }
}

import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("Store: transcripts")
struct TranscriptsStoreTests {
    /// A session moderated by Liisa Virtanen with Matti Äijälä, Øystein Berg and Åsa Nieminen seated.
    struct Room {
        let ws: Workspace
        let session: Session
        let moderator: Moderator
        let people: [Participant]

        init(extra: [String] = []) throws {
            let ws = try Workspace()
            moderator = try ws.moderator("Liisa Virtanen")
            session = try ws.session(moderators: [moderator])
            people = try (["Matti Äijälä", "Øystein Berg", "Åsa Nieminen"] + extra).map { try ws.participant($0) }
            try ws.invite(session, people)
            self.ws = ws
        }

        func importText(_ text: String, replace: Bool = false) throws -> TranscriptImportReport {
            try ws.db.importTranscript(session: session.key, text: text, fileName: "group.txt", replace: replace)
        }

        func utterances() throws -> [Utterance] {
            try ws.db.transcript(session: session.key).lines.map(\.utterance)
        }
    }

    static let composed = """
        [00:00:05] Liisa: Tervetuloa kaikki.
        [00:00:12] Äijälä: Minä olen Matti Äijälä ja asun Oulussa.
        [00:00:30] Øystein: Hei, jeg heter Øystein.
        [00:00:41] Åsa: Hej!
        Jag bor i Umeå.
        [00:01:02] Client: Kiitos.
        """
    static let decomposed = composed.replacingOccurrences(of: "Ä", with: "A\u{308}")
        .replacingOccurrences(of: "ä", with: "a\u{308}").replacingOccurrences(of: "Å", with: "A\u{30A}")

    @Test("Nordic speaker names match the seated people in either Unicode form", arguments: [composed, decomposed])
    func importMatchesNordicNames(text: String) throws {
        let room = try Room()
        let report = try room.importText(text)
        #expect(report.utterances == 5)
        #expect(report.matched.map(\.key) == [room.moderator.key] + room.people.map(\.key))
        #expect(report.matched.map(\.label) == ["Liisa", "Äijälä", "Øystein", "Åsa"])
        #expect(report.unmatched == [UnmatchedSpeaker(label: "Client", line: 6, turns: 1)])
        #expect(report.ambiguous.isEmpty)
        let stored = try room.utterances()
        #expect(stored.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(stored.map(\.moderatorId) == [room.moderator.id, nil, nil, nil, nil])
        #expect(stored.map(\.participantId) == [nil] + room.people.map(\.id) + [nil])
        #expect(stored.map(\.startMs) == [5000, 12000, 30000, 41000, 62000])
        #expect(stored[1].text == "Minä olen Matti Äijälä ja asun Oulussa.")
        #expect(stored[3].text == "Hej!\nJag bor i Umeå.")
        #expect(!stored.contains { $0.text.unicodeScalars.contains("\u{308}") || $0.speakerLabel.unicodeScalars.contains("\u{30A}") })
        #expect(stored[4].speakerLabel == "Client")
        #expect(try room.ws.auditActions().last == "transcript.import")
    }

    @Test("a label several people fit is reported with the candidates and attributed to nobody")
    func ambiguousSpeakerIsNotGuessed() throws {
        let room = try Room(extra: ["Åsa Holm"])
        let report = try room.importText("Åsa: Hej.\nObserver 2: (notes)\nA\u{30A}sa: Igen.\n")
        #expect(report.ambiguous == [AmbiguousSpeaker(label: "Åsa", line: 1, turns: 2, candidates: [
            .init(key: room.people[2].key, name: "Åsa Nieminen"), .init(key: room.people[3].key, name: "Åsa Holm"),
        ])])
        #expect(report.unmatched == [UnmatchedSpeaker(label: "Observer 2", line: 2, turns: 1)])
        #expect(report.matched.isEmpty)
        let stored = try room.utterances()
        #expect(stored.allSatisfy { $0.participantId == nil && $0.moderatorId == nil })
        #expect(stored.map(\.speakerLabel) == ["Åsa", "Observer 2", "Åsa"])
    }

    @Test("a surname shared by a participant and the moderator is ambiguous, named with both, and never guessed")
    func sharedSurnameIsNotGuessed() throws {
        let room = try Room(extra: ["Virtanen, Ilkka", "Äijälä, Tuulikki"])
        let report = try room.importText("Virtanen: Aloitetaan.\nTuulikki Äijälä: Hei.\nIlkka Virtanen: Moi.\nVirtanen: Kiitos.\n")
        #expect(report.ambiguous == [AmbiguousSpeaker(label: "Virtanen", line: 1, turns: 2, candidates: [
            .init(key: room.people[3].key, name: "Virtanen, Ilkka"), .init(key: room.moderator.key, name: "Liisa Virtanen"),
        ])])
        #expect(report.matched.map(\.key) == [room.people[4].key, room.people[3].key])
        let stored = try room.utterances()
        #expect(stored.map(\.participantId) == [nil, room.people[4].id, room.people[3].id, nil])
        #expect(stored.map(\.moderatorId) == [nil, nil, nil, nil])
    }

    @Test("a speaker written as a key is matched to that person")
    func keysMatch() throws {
        let room = try Room()
        let report = try room.importText("P-000002: Hei.\nM-0001: Kiitos.\n")
        #expect(report.matched.map(\.key) == [room.people[1].key, room.moderator.key])
    }

    @Test("timestamps out of order fail with the line number and write nothing")
    func timestampsOutOfOrder() throws {
        let room = try Room()
        let error = expectRoundtableError(.invalidData) {
            try room.importText("[00:05:00] Liisa: Aloitetaan.\n\n[00:04:59] Äijälä: Hetkinen.\n")
        }
        #expect(error?.message.hasPrefix("group.txt:3: timestamp 00:04:59 is earlier than 00:05:00 on line 1") == true)
        #expect(try room.utterances().isEmpty)
        #expect(try !room.ws.auditActions().contains("transcript.import"))
    }

    @Test("a bad turn after good ones rolls the whole import back")
    func importIsAllOrNothing() throws {
        let room = try Room()
        _ = try room.importText("Liisa: Ensimmäinen versio.\n")
        let error = expectRoundtableError(.invalidData) {
            try room.importText("Liisa: Hyvä.\nÄijälä: Myös hyvä.\nClient:\n", replace: true)
        }
        #expect(error?.message == "group.txt:3: the text of a turn must not be empty")
        #expect(try room.utterances().map(\.text) == ["Ensimmäinen versio."])
    }

    @Test("a second import is refused unless it replaces the first")
    func replaceOrRefuse() throws {
        let room = try Room()
        _ = try room.importText(Self.composed)
        let refused = expectRoundtableError(.invalidData) { try room.importText("Liisa: Uusi.\n") }
        #expect(refused?.message == "\(room.session.key) already has a transcript (5 utterances); give --replace to replace it")
        #expect(try room.utterances().count == 5)
        let report = try room.importText("Liisa: Uusi.\nÄijälä: Joo.\n", replace: true)
        #expect(report.replacedUtterances == 5)
        #expect(report.utterances == 2)
        #expect(try room.utterances().map(\.sequence) == [1, 2])
        #expect(try room.ws.db.searchTranscripts(query: "Oulussa").isEmpty, "the old text left the search index")
    }

    @Test("empty files, unknown sessions and cancelled sessions are refused")
    func refusals() throws {
        let room = try Room()
        #expect(expectRoundtableError(.invalidData) { try room.importText("\n\n") }?.message.hasPrefix("group.txt: no turns") == true)
        expectRoundtableError(.invalidData) {
            try room.ws.db.importTranscript(session: EntityKey(.session, id: 99), text: "A: b", fileName: "x.txt", replace: false)
        }
        _ = try room.ws.db.cancelSession(room.session.key, reason: "Moderator ill")
        let cancelled = expectRoundtableError(.invalidData) { try room.importText("Liisa: Hei.") }
        #expect(cancelled?.message == "cannot add a transcript to \(room.session.key): it is cancelled")
    }

    @Test("adding turns one by one: people by key, observers by label, in order")
    func addUtterances() throws {
        let room = try Room()
        let db = room.ws.db
        let key = room.session.key
        let first = try db.addUtterance(session: key, speaker: "M-0001", at: 5000, text: "Tervetuloa.")
        let second = try db.addUtterance(session: key, speaker: "p-1", at: nil, text: "Kiitos.")
        let third = try db.addUtterance(session: key, speaker: "Observer 2", at: 7000, text: "O\u{308}ljy.")
        #expect([first, second, third].map(\.sequence) == [1, 2, 3])
        #expect(first.moderatorId == room.moderator.id && first.speakerLabel == "Liisa Virtanen")
        #expect(second.participantId == room.people[0].id && second.speakerLabel == "Matti Äijälä")
        #expect(third.participantId == nil && third.moderatorId == nil && third.speakerLabel == "Observer 2")
        #expect(third.text == "Öljy.")
        let lines = try db.transcript(session: key).lines
        #expect(lines.map(\.speakerKey) == [room.moderator.key, room.people[0].key, nil])
        #expect(lines.map(\.time) == ["00:00:05", nil, "00:00:07"])

        let stranger = try room.ws.participant("Kari Outsider")
        #expect(expectRoundtableError(.invalidData) { try db.addUtterance(session: key, speaker: "\(stranger.key)", at: nil, text: "x") }?
            .message == "\(stranger.key) has no seat in \(key)")
        let colleague = try room.ws.moderator("Pekka Muu")
        #expect(expectRoundtableError(.invalidData) { try db.addUtterance(session: key, speaker: "\(colleague.key)", at: nil, text: "x") }?
            .message == "\(colleague.key) does not moderate \(key)")
        #expect(expectRoundtableError(.invalidData) { try db.addUtterance(session: key, speaker: "Client", at: 6000, text: "x") }?
            .message == "a turn at 00:00:06 cannot follow one at 00:00:07 in \(key)'s transcript")
        expectRoundtableError(.usage) { try db.addUtterance(session: key, speaker: "Client", at: nil, text: "  ") }
        expectRoundtableError(.usage) { try db.addUtterance(session: key, speaker: "Client\nTwo", at: nil, text: "x") }
        #expect(try db.transcript(session: key).lines.count == 3)
    }

    @Test("forgetting a participant can scrub their name from speaker labels")
    func scrubLabels() throws {
        let room = try Room()
        _ = try room.importText(Self.composed)
        _ = try room.ws.db.addUtterance(session: room.session.key, speaker: "P-000001", at: nil, text: "Vielä yksi.")
        let person = room.people[0]
        let changed = try room.ws.db.write { db in
            try room.ws.db.scrubSpeakerLabels(db, participantId: person.id!, key: "\(person.key)")
        }
        #expect(changed == 2)
        let labels = try room.utterances().filter { $0.participantId == person.id }.map(\.speakerLabel)
        #expect(labels == ["\(person.key)", "\(person.key)"])
        _ = try room.ws.db.forgetParticipant(person.key)
        let later = try room.ws.db.addUtterance(session: room.session.key, speaker: "\(person.key)", at: nil, text: "x")
        #expect(later.speakerLabel == "\(person.key)", "a forgotten person's name is never written again")
    }
}

@Suite("Store: transcript search")
struct TranscriptSearchStoreTests {
    /// Two panels' sessions and one without a panel, each with something said about Äijälä.
    struct Archive {
        let ws: Workspace
        let sessions: [Session]

        init() throws {
            let ws = try Workspace()
            self.ws = ws
            try ws.panel("north")
            try ws.panel("south")
            let moderator = try ws.moderator()
            sessions = [
                try ws.session("North", start: "2027-03-01 10:00", moderators: [moderator], panel: "north"),
                try ws.session("South", start: "2027-03-02 10:00", moderators: [moderator], panel: "south"),
                try ws.session("Loose", start: "2027-03-03 10:00", moderators: [moderator]),
            ]
            let lines = [
                (0, "Observer", "Äijälä kertoi toimitusajoista."),
                (0, "Client", "Hinnoittelu on selkeä."),
                (1, "Observer", "Äijälä oli tyytyväinen, Äijälä sanoi sen kahdesti."),
                (2, "Observer", "Myös aijala mainittiin, ilman pisteitä."),
                (2, "Observer", "Toimitus oli nopea."),
            ]
            for (index, speaker, text) in lines {
                _ = try ws.db.addUtterance(session: sessions[index].key, speaker: speaker, at: nil, text: text)
            }
        }

        func sessionKeys(_ query: String, session: EntityKey? = nil, panel: String? = nil) throws -> [EntityKey] {
            try ws.db.searchTranscripts(query: query, session: session, panel: panel).map(\.session)
        }
    }

    @Test("diacritics and Unicode form do not matter", arguments: ["aijala", "Äijälä", "A\u{308}ija\u{308}la\u{308}", "ÄIJÄLÄ"])
    func diacriticsFold(query: String) throws {
        let archive = try Archive()
        let hits = try archive.ws.db.searchTranscripts(query: query)
        #expect(Set(hits.map(\.session)) == Set(archive.sessions.map(\.key)))
        #expect(hits.first?.session == archive.sessions[1].key, "two mentions rank first")
        let north = try #require(hits.first { $0.session == archive.sessions[0].key })
        #expect(north.snippet == "[Äijälä] kertoi toimitusajoista.")
        #expect(north.speakerLabel == "Observer" && north.utterance == EntityKey(.utterance, id: 1))
    }

    @Test("a session filter and a panel filter narrow the search")
    func filters() throws {
        let archive = try Archive()
        let keys = archive.sessions.map(\.key)
        #expect(try archive.sessionKeys("aijala", session: keys[2]) == [keys[2]])
        #expect(try archive.sessionKeys("aijala", panel: "north") == [keys[0]])
        #expect(try archive.sessionKeys("aijala", panel: "south") == [keys[1]])
        #expect(try archive.sessionKeys("hinnoittelu", panel: "south").isEmpty)
        expectRoundtableError(.invalidData) { try archive.sessionKeys("aijala", panel: "west") }
        expectRoundtableError(.invalidData) { try archive.sessionKeys("aijala", session: EntityKey(.session, id: 9)) }
    }

    @Test("every word must occur; a trailing star searches by prefix")
    func wordsAndPrefixes() throws {
        let archive = try Archive()
        let keys = archive.sessions.map(\.key)
        #expect(try archive.sessionKeys("aijala toimitusajoista") == [keys[0]])
        #expect(try archive.sessionKeys("toimitus") == [keys[2]])
        #expect(try Set(archive.sessionKeys("toimitus*")) == [keys[0], keys[2]])
        #expect(try archive.ws.db.searchTranscripts(query: "aijala", limit: 1).count == 1)
    }

    @Test("operators and quotes are only text", arguments: ["\"", "aijala OR", "NEAR(aijala", "a\"b", "-aijala", "^aijala", "col:aijala", "*"])
    func hostileQueries(query: String) throws {
        let archive = try Archive()
        do {
            _ = try archive.ws.db.searchTranscripts(query: query)
        } catch let error as RoundtableError {
            #expect(error.kind == .usage, "only 'no words' may fail: \(error.message)")
        }
    }

    @Test("the match expression quotes every word, in its search form")
    func expression() throws {
        #expect(try SearchExpression.match("A\u{308}ijälä  deliv* say \"hi\"") == #""aijala" "deliv"* "say" """hi""""#)
        #expect(try SearchExpression.match("a\u{308}ija\u{308}la\u{308} Øystein") == #""aijala" "oystein""#)
        expectRoundtableError(.usage) { try SearchExpression.match("  * - ") }
    }
}

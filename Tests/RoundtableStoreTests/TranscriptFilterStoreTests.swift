import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// `transcript show`'s filters and what subtitles need from the store.
@Suite("Store: transcript filters")
struct TranscriptFilterStoreTests {
    let ws: Workspace
    let session: Session
    let moderator: Moderator
    let matti: Participant
    let oystein: Participant

    /// Liisa Virtanen moderates Matti Äijälä and Øystein Berg; five turns, the fourth untimed.
    init() throws {
        ws = try Workspace()
        moderator = try ws.moderator("Liisa Virtanen")
        session = try ws.session(moderators: [moderator])
        matti = try ws.participant("Matti Äijälä")
        oystein = try ws.participant("Øystein Berg")
        try ws.invite(session, [matti, oystein])
        let turns: [(EntityKey, Int?, String)] = [
            (moderator.key, 5_000, "Tervetuloa. Matti, aloitatko?"),
            (matti.key, 12_000, "Soitan aina puhelimella."),
            (oystein.key, 30_000, "Jeg bruker appen, som Matti Äijälä vet."),
            (matti.key, nil, "Niin."),
            (oystein.key, 62_000, "Takk."),
        ]
        for (speaker, at, text) in turns {
            _ = try ws.db.addUtterance(session: session.key, speaker: "\(speaker)", at: at, text: text)
        }
        try ws.db.addCode(name: "Channel")
        try ws.db.addCode(name: "Phone", parent: "Channel")
        try ws.db.addCode(name: "Mobile", parent: "Channel/Phone")
        try ws.db.addCode(name: "App", parent: "Channel")
        try ws.db.applyCode("Mobile", to: EntityKey(.utterance, id: 2))
        try ws.db.applyCode("App", to: EntityKey(.utterance, id: 3), from: 4, to: 10)
    }

    func keys(_ filter: TranscriptFilter) throws -> [Int64] {
        try ws.db.transcript(session: session.key, filter: filter).transcript.lines.map(\.utterance.id!)
    }

    @Test("speaker, code (with the codes under it) and time each narrow the turns, and combine")
    func filters() throws {
        #expect(try keys(TranscriptFilter()) == [1, 2, 3, 4, 5])
        #expect(try keys(TranscriptFilter(speaker: matti.key)) == [2, 4])
        #expect(try keys(TranscriptFilter(speaker: moderator.key)) == [1])
        #expect(try keys(TranscriptFilter(code: "Channel")) == [2, 3], "a parent code finds its children's codings")
        #expect(try keys(TranscriptFilter(code: "Phone")) == [2])
        #expect(try keys(TranscriptFilter(code: "App")) == [3])
        #expect(try keys(TranscriptFilter(fromMs: 12_000)) == [2, 3, 5], "untimed turns are left out by a time bound")
        #expect(try keys(TranscriptFilter(fromMs: 12_000, toMs: 62_000)) == [2, 3], "--to is exclusive")
        #expect(try keys(TranscriptFilter(speaker: oystein.key, code: "Channel", toMs: 60_000)) == [3])
        expectRoundtableError(.usage) { try keys(TranscriptFilter(fromMs: 10_000, toMs: 10_000)) }
        expectRoundtableError(.invalidData) { try keys(TranscriptFilter(speaker: EntityKey(.participant, id: 7))) }
        expectRoundtableError(.invalidData) { try keys(TranscriptFilter(code: "Fax")) }
    }

    @Test("each turn knows where the next timed turn of the whole transcript starts, whatever the filter")
    func nextStart() throws {
        let all = try ws.db.transcript(session: session.key, filter: TranscriptFilter()).transcript.lines
        #expect(all.map(\.nextStartMs) == [12_000, 30_000, 62_000, 62_000, nil])
        let matti = try ws.db.transcript(session: session.key, filter: TranscriptFilter(speaker: matti.key)).transcript.lines
        #expect(matti.map(\.nextStartMs) == [30_000, 62_000])
    }

    @Test("pseudonymized: study codes for participants in speakers and text, no participant keys; staff keep names")
    func pseudonymized() throws {
        let (transcript, key) = try ws.db.transcript(session: session.key, filter: TranscriptFilter(), pseudonymize: true)
        let lines = transcript.lines
        #expect(lines.map(\.utterance.speakerLabel) == ["Liisa Virtanen", "P01", "P02", "P01", "P02"])
        #expect(lines[2].utterance.text == "Jeg bruker appen, som P01 vet.")
        #expect(lines[0].utterance.text == "Tervetuloa. P01, aloitatko?")
        #expect(lines.map(\.speakerKey) == [moderator.key, nil, nil, nil, nil])
        #expect(key.pseudonyms.map(\.code) == ["P01", "P02"])
    }
}

import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("Store: streamed transcript imports, speaker mappings and transcript sources")
struct TranscriptSourceStoreTests {
    typealias Room = TranscriptsStoreTests.Room

    static let turns = [
        TranscriptTurn(line: 3, speaker: "Liisa Virtanen", startMilliseconds: 1000, endMilliseconds: 6300, text: "Tervetuloa."),
        TranscriptTurn(line: 9, speaker: "Speaker 2", startMilliseconds: 7000, endMilliseconds: 9000, text: "Hei."),
        TranscriptTurn(line: 12, speaker: "Matti Äijälä", startMilliseconds: 9500, endMilliseconds: 12000, text: "Moi."),
        TranscriptTurn(line: 15, speaker: "Speaker 2", startMilliseconds: 12000, endMilliseconds: 13000, text: "Kiitos."),
    ]

    func stamp(_ sha: String = String(repeating: "a", count: 64)) -> TranscriptFileStamp {
        TranscriptFileStamp(fileName: "teams.vtt", format: "vtt", sha256: sha)
    }

    @discardableResult
    func load(_ room: Room, _ turns: [TranscriptTurn] = turns, sha: String = String(repeating: "a", count: 64),
              replace: Bool = false, mappings: [SpeakerMapping] = []) throws -> TranscriptImportReport {
        try room.ws.db.importTranscript(session: room.session.key, file: stamp(sha), replace: replace, mappings: mappings) { add in
            for turn in turns { try add(turn) }
            return turns.count + 2
        }
    }

    func source(_ room: Room) throws -> TranscriptSource? {
        try room.ws.db.read { db in try TranscriptSource.fetchOne(db, key: room.session.id!) }
    }

    @Test func turnsAreStoredWithStartAndEndAndTheSourceIsRecorded() throws {
        let room = try Room()
        let report = try load(room)
        #expect(report.utterances == 4 && report.cues == 6)
        #expect(report.matched.map(\.label) == ["Liisa Virtanen", "Matti Äijälä"])
        #expect(report.unmatched == [UnmatchedSpeaker(label: "Speaker 2", line: 9, turns: 2)])
        let stored = try room.utterances()
        #expect(stored.map(\.startMs) == [1000, 7000, 9500, 12000])
        #expect(stored.map(\.endMs) == [6300, 9000, 12000, 13000])
        let source = try #require(try source(room))
        #expect(source.fileName == "teams.vtt" && source.format == "vtt" && source.cues == 6)
        #expect(source.importedAt == Workspace.start)
    }

    @Test func theSameFileAgainIsRefusedUnlessReplaceAndAnotherFileAsBefore() throws {
        let room = try Room()
        try load(room)
        #expect(throws: RoundtableError.rule("teams.vtt is the same file that was imported into \(room.session.key) on "
            + "2026-12-01T09:00:00Z; give --replace to import it again")) { try load(room) }
        #expect(throws: RoundtableError.rule("\(room.session.key) already has a transcript (4 utterances); give --replace to replace it")) {
            try load(room, sha: String(repeating: "b", count: 64))
        }
        room.ws.clock.set(Workspace.instant("2026-12-02T09:00:00Z"))
        #expect(try load(room, replace: true).replacedUtterances == 4)
        #expect(try source(room)?.importedAt == Workspace.instant("2026-12-02T09:00:00Z"))
        // A text import handed over in memory has no digest: it takes the file's record away.
        _ = try room.importText("Liisa: Hei.", replace: true)
        #expect(try source(room) == nil)
    }

    @Test func mappedLabelsWinOverNameMatchingAndUnusedMappingsAreReported() throws {
        let room = try Room()
        let asa = room.people[2].key
        let report = try load(room, mappings: [
            SpeakerMapping(label: "speaker 2", key: "\(asa)", origin: "--speaker"),
            SpeakerMapping(label: "Matti Äijälä", key: "\(room.moderator.key)", origin: "map.txt:2"),
            SpeakerMapping(label: "Nobody", key: "\(asa)", origin: "map.txt:3"),
        ])
        #expect(report.unmatched.isEmpty)
        #expect(report.unusedMappings.map(\.origin) == ["map.txt:3"])
        let stored = try room.utterances()
        #expect(stored.map(\.participantId) == [nil, asa.id, nil, asa.id])
        #expect(stored.map(\.moderatorId) == [room.moderator.id, nil, room.moderator.id, nil])
        // A label the user mapped gives way to the person's own: "Speaker 2" tells a reader nothing.
        #expect(stored[1].speakerLabel == "Åsa Nieminen")
        #expect(stored[0].speakerLabel == "Liisa Virtanen")
    }

    @Test func aMappingToSomeoneOutsideTheSessionIsAnErrorAndWritesNothing() throws {
        let room = try Room()
        let outsider = try room.ws.participant("Pekka Ulkopuolinen")
        #expect(throws: RoundtableError.rule("map.txt:4: \(outsider.key) has no seat in \(room.session.key)")) {
            try load(room, mappings: [SpeakerMapping(label: "Speaker 2", key: "\(outsider.key)", origin: "map.txt:4")])
        }
        #expect(throws: RoundtableError.rule("--speaker: 'Client' is not a participant or moderator key (P-000012, M-0001)")) {
            try load(room, mappings: [SpeakerMapping(label: "Speaker 2", key: "Client", origin: "--speaker")])
        }
        #expect(try room.utterances().isEmpty)
        #expect(try source(room) == nil)
    }

    @Test func anErrorInTheStreamWritesNothing() throws {
        let room = try Room()
        var turns = Self.turns
        turns[3].startMilliseconds = 100
        #expect(throws: RoundtableError.rule("teams.vtt:15: starts at 00:00:00.100, earlier than 00:00:09.500 at teams.vtt:12")) {
            try load(room, turns)
        }
        #expect(try room.utterances().isEmpty)
        #expect(try source(room) == nil)
        #expect(throws: RoundtableError.rule("teams.vtt: no turns found")) { try load(room, []) }
    }
}

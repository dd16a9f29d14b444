import Foundation
import Testing
@testable import RoundtableCore

/// Telling a transcript's format from its first bytes, Otter blocks, and speaker prefixes.
@Suite("TranscriptFormat and SpeakerBlockParser")
struct TranscriptFormatTests {
    @Test("detection from the head", arguments: [
        ("PK\u{03}\u{04}rest", TranscriptFormat.docx),
        ("\u{FEFF}  <?xml version=\"1.0\"?><transcript/>", .xml),
        ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHei\n", .vtt),
        ("\u{FEFF}WEBVTT - Zoom\r\n\r\n", .vtt),
        ("1\n00:00:01.000 --> 00:00:02.000\nHei\n", .vtt),
        ("3f1c2b9e-8d7a-4c61-9f0e-1a2b3c4d5e6f/12-0\n00:01.000 --> 00:02.000\n<v A>Hei\n", .vtt),
        ("00:00:01.000 --> 00:00:02.000 align:start\nHei\n", .vtt),
        ("1\n00:00:01,000 --> 00:00:02,000\nHei\n", .srt),
        ("Speaker 1  0:03\nHello there.\n\nSpeaker 2  0:09\nHi.\n", .otter),
        ("Aino Virtanen\t1:02:03\nHello.\n", .otter),
        ("[00:00:05] Liisa: Tervetuloa.\n", .text),
        ("Liisa: we meet at 17:30 --> then\nmore\n", .text),
        ("Aino  0:03\n", .text),
        ("", .text),
    ])
    func detect(head: String, format: TranscriptFormat) {
        #expect(TranscriptFormat.detect(head: Array(head.utf8)) == format)
    }

    @Test("UTF-16 heads are read too")
    func utf16() {
        let bytes: [UInt8] = [0xFF, 0xFE] + "WEBVTT\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(TranscriptFormat.detect(head: bytes) == .vtt)
    }

    func blocks(_ text: String, teams: Bool = false) throws -> [TranscriptCue] {
        var parser = SpeakerBlockParser(lines: StringLines(text), file: "o.txt", teams: teams)
        var cues: [TranscriptCue] = []
        while let cue = try parser.nextCue() { cues.append(cue) }
        return cues
    }

    @Test("Otter: speaker lines after blank lines; text lines joined by line breaks; a line ending in a time inside a block is speech")
    func otter() throws {
        let cues = try blocks("""
            Speaker 1  0:03
            Hello there.
            We meet at  17:30
            Second line.

            Aino Virtanen  1:02:03
            Kiitos.
            """)
        #expect(cues == [
            TranscriptCue(line: 1, speaker: "Speaker 1", startMs: 3000, endMs: nil, text: "Hello there.\nWe meet at 17:30\nSecond line."),
            TranscriptCue(line: 6, speaker: "Aino Virtanen", startMs: 3_723_000, endMs: nil, text: "Kiitos."),
        ])
    }

    @Test("Otter: text before the first speaker line, or a time going back, is an error with the line")
    func otterErrors() {
        #expect(throws: RoundtableError.rule("o.txt:1: text before the first speaker line; an Otter transcript starts with a line such as 'Speaker 1  0:03'")) {
            try blocks("Hello\n\nSpeaker 1  0:03\nHi\n")
        }
        #expect(throws: RoundtableError.rule("o.txt:4: the cue starts at 00:00:02.000, before the cue on line 1 (00:00:03.000); cues must be in time order")) {
            try blocks("Speaker 1  0:03\nHi\n\nSpeaker 2  0:02\nHo\n")
        }
    }

    @Test("Teams paragraphs: title, date and length passed over; speaker lines may follow text directly")
    func teamsParagraphs() throws {
        let cues = try blocks("Mobiilipankki\nDecember 1, 2026, 9:00AM\n45m 12s\nAino Virtanen   0:03\nHei.\nMatti Äijälä   0:15\nMoi.\n",
                              teams: true)
        #expect(cues.map(\.speaker) == ["Aino Virtanen", "Matti Äijälä"])
        #expect(cues.map(\.text) == ["Hei.", "Moi."])
    }

    @Test("speaker prefixes need a plausible name and a colon followed by white space", arguments: [
        ("Aino Virtanen: hei", "Aino Virtanen"), ("Speaker 2: hi", "Speaker 2"), ("at 10:15 we start", nil),
        ("we meet at 17:30: ok", nil), ("17:30: ok", nil), ("https://example.fi is it", nil),
        ("one two three four five six seven: too long", nil), ("\"Quoted\": no", nil),
    ] as [(String, String?)])
    func prefixes(text: String, speaker: String?) {
        #expect(SpeakerPrefix.split(text)?.speaker == speaker)
    }

    @Test("plain text: a clock time never starts a turn")
    func plainTextClock() throws {
        let turns = try TranscriptText.parse("Aino: Hello.\nat 10:15 we start\nwe meet at 17:30: ok\n", file: "t.txt")
        #expect(turns == [TranscriptTurn(line: 1, speaker: "Aino", text: "Hello.\nat 10:15 we start\nwe meet at 17:30: ok")])
    }
}

import Foundation
import Testing
@testable import RoundtableCore

/// Plain-text transcripts: `Speaker: text` turns with optional timestamps.
@Suite("TranscriptText")
struct TranscriptTextTests {
    func parse(_ text: String) throws -> [TranscriptTurn] {
        try TranscriptText.parse(text, file: "t.txt")
    }

    @Test("turns with the timestamp before or after the speaker, or none")
    func timestampPlacements() throws {
        let turns = try parse("""
            [00:12:05] Äijälä: Hello
            Moderator [00:12:09]: Welcome, everyone.
            Anna: Thanks
            """)
        #expect(turns == [
            TranscriptTurn(line: 1, speaker: "Äijälä", startMilliseconds: 725_000, text: "Hello"),
            TranscriptTurn(line: 2, speaker: "Moderator", startMilliseconds: 729_000, text: "Welcome, everyone."),
            TranscriptTurn(line: 3, speaker: "Anna", startMilliseconds: nil, text: "Thanks"),
        ])
    }

    @Test("timestamp forms: hh:mm:ss, mm:ss and h:mm:ss.mmm", arguments: [
        ("[00:12:05] A: x", 725_000), ("[12:05] A: x", 725_000), ("[1:02:03.250] A: x", 3_723_250),
        ("A [0:00:01.5]: x", 1_500), ("A[00:00:00.007] : x", 7), ("[75:30] A: x", 4_530_000),
    ])
    func timestampForms(line: String, milliseconds: Int) throws {
        #expect(try parse(line).first?.startMilliseconds == milliseconds)
    }

    @Test("continuation lines join with newlines; blank lines are skipped")
    func continuation() throws {
        let turns = try parse("Anna: first line\n  second line  \n\n\nthird\nBo: ok\n\n")
        #expect(turns.count == 2)
        #expect(turns[0].text == "first line\nsecond line\nthird")
        #expect(turns[1] == TranscriptTurn(line: 6, speaker: "Bo", text: "ok"))
    }

    @Test("a turn may start with an empty first line")
    func emptyFirstLine() throws {
        let turns = try parse("Anna:\nWell, I think\nit works")
        #expect(turns == [TranscriptTurn(line: 1, speaker: "Anna", text: "Well, I think\nit works")])
    }

    @Test("text before the first turn is an error naming its line")
    func textBeforeFirstTurn() {
        let error = expectRoundtableError(.invalidData) { try parse("\n\nIntroduction without speaker\nAnna: hi") }
        #expect(error?.message.hasPrefix("t.txt:3: text before the first turn") == true)
    }

    @Test("a byte order mark is dropped and CRLF and CR line ends are accepted")
    func bomAndLineEnds() throws {
        let turns = try parse("\u{FEFF}Anna: hi\r\nmore\r\nBo: yes\rCy: no\r\n")
        #expect(turns.map(\.speaker) == ["Anna", "Bo", "Cy"])
        #expect(turns.map(\.line) == [1, 3, 4])
        #expect(turns[0].text == "hi\nmore")
        #expect(!turns[0].speaker.unicodeScalars.contains("\u{FEFF}"))
    }

    @Test("speakers and text are composed (NFC) and trimmed")
    func composed() throws {
        let turns = try parse("  A\u{308}ija\u{308}la\u{308}  :   Ha\u{308}n sanoi  ")
        #expect(turns[0].speaker.unicodeScalars.map(\.value) == "Äijälä".precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value))
        #expect(turns[0].text == "Hän sanoi")
        #expect(turns[0].text.unicodeScalars.count == 9)
    }

    @Test("a timestamp earlier than a previous one is an error")
    func decreasingTimestamp() {
        let error = expectRoundtableError(.invalidData) {
            try parse("[00:01:00] A: one\nmore\n[00:02:00] B: two\nC: three\n[00:01:00] A: back")
        }
        #expect(error?.message == "t.txt:5: timestamp 00:01:00 is earlier than 00:02:00 on line 3")
    }

    @Test("equal timestamps are allowed")
    func equalTimestamps() throws {
        #expect(try parse("[00:01:00] A: one\n[00:01:00] B: two").count == 2)
    }

    @Test("anything short before the first colon is a speaker, even Note: http://x")
    func noteWithURL() throws {
        let turns = try parse("Note: http://x\nModerator: see https://example.com/a:b")
        #expect(turns[0] == TranscriptTurn(line: 1, speaker: "Note", text: "http://x"))
        #expect(turns[1].text == "see https://example.com/a:b")
    }

    @Test("lines that do not start a turn", arguments: [
        "12: looks like a list item", "[laughs] yes: indeed", "Anna [laughs]: ok", "no colon at all",
        String(repeating: "x", count: 61) + ": long", "[00:01] Anna [00:02]: two stamps", ": empty speaker",
        "[00:00:05] no speaker here", "Anna [00:01] said: later",
    ])
    func continuations(line: String) throws {
        let turns = try parse("Bo: start\n" + line)
        #expect(turns.count == 1)
        #expect(turns[0].text == "start\n" + line)
    }

    @Test("a speaker label of 60 characters is still a speaker")
    func longestSpeaker() throws {
        let label = String(repeating: "é", count: 60)
        #expect(try parse(label + ": hi").first?.speaker == label)
    }

    @Test("a bracket of digits and colons that is no valid time is an error", arguments: [
        "[00:75] Anna: hi", "Anna [1:2:3]: hi", "[00:12:05.1234] Anna: hi", "[1:00:00:00] A: x",
    ])
    func badTimestamp(line: String) {
        let error = expectRoundtableError(.invalidData) { try parse("Bo: start\n" + line) }
        #expect(error?.message.hasPrefix("t.txt:2: [") == true)
        #expect(error?.message.contains("is not a timestamp") == true)
    }

    @Test("formatTimestamp gives hh:mm:ss and milliseconds only when present", arguments: [
        (0, "00:00:00"), (725_000, "00:12:05"), (3_723_250, "01:02:03.250"), (5, "00:00:00.005"),
        (360_000_000, "100:00:00"), (-1_500, "-00:00:01.500"),
    ])
    func format(milliseconds: Int, text: String) {
        #expect(TranscriptText.formatTimestamp(milliseconds) == text)
    }

    @Test("parseTimestamp reads --at values", arguments: [
        ("00:12:05", 725_000), ("12:05", 725_000), ("0:12:05.250", 725_250), ("[00:12:05]", 725_000),
        (" 01:00:00 ", 3_600_000), ("00:00:00.1", 100), ("00:00:00.12", 120),
    ])
    func parseAt(text: String, milliseconds: Int) throws {
        #expect(try TranscriptText.parseTimestamp(text) == milliseconds)
    }

    @Test("parseTimestamp refuses anything else as a usage error", arguments: [
        "", "12", "ab:cd", "00:60", "00:12:5", "1:2:3:4", "00:12:05.1234", "00:12:05.", "-00:01", "00:01:xx", "٠٠:١٢",
    ])
    func parseAtRejects(text: String) {
        let error = expectRoundtableError(.usage) { try TranscriptText.parseTimestamp(text) }
        #expect(error?.exitCode == 64)
    }

    @Test("formatting and parsing round-trip", arguments: [0, 1, 999, 1_000, 59_999, 3_599_999, 86_400_001])
    func roundTrip(milliseconds: Int) throws {
        #expect(try TranscriptText.parseTimestamp(TranscriptText.formatTimestamp(milliseconds)) == milliseconds)
    }

    @Test("an empty transcript has no turns")
    func empty() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("\u{FEFF}\n\r\n  \n").isEmpty)
    }
}

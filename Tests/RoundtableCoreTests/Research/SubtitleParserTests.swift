import Foundation
import Testing
@testable import RoundtableCore

/// WebVTT and SRT cues as Zoom, Teams and subtitle tools write them, merged into turns.
@Suite("SubtitleParser and CueMerger")
struct SubtitleParserTests {
    func cues(_ text: String, srt: Bool = false) throws -> [TranscriptCue] {
        var parser = SubtitleParser(lines: StringLines(text), file: "t.vtt", srt: srt)
        var cues: [TranscriptCue] = []
        while let cue = try parser.nextCue() { cues.append(cue) }
        return cues
    }

    func turns(_ text: String, srt: Bool = false) throws -> [TranscriptTurn] {
        var merger = CueMerger(SubtitleParser(lines: StringLines(text), file: "t.vtt", srt: srt), separator: " ")
        var turns: [TranscriptTurn] = []
        while let turn = try merger.next() { turns.append(turn) }
        return turns
    }

    func error(_ text: String, srt: Bool = false) -> String? {
        do {
            _ = try cues(text, srt: srt)
            return nil
        } catch let error as RoundtableError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test("Teams: GUID cue ids, voice spans over several lines, a missing </v>, NOTE, STYLE and REGION skipped")
    func teams() throws {
        let cues = try cues("""
            WEBVTT
            Kind: captions

            NOTE Written by hand
            in Teams' shape

            STYLE
            ::cue { color: yellow }

            REGION
            id:speaker width:40%

            3f1c2b9e-8d7a-4c61-9f0e-1a2b3c4d5e6f/12-0
            00:00:01.120 --> 00:00:04.870 align:start position:10%
            <v Liisa Virtanen>Hyvää huomenta,
            and welcome.</v>

            3f1c2b9e-8d7a-4c61-9f0e-1a2b3c4d5e6f/15-0
            00:00:07.010 --> 00:00:10.450
            <v.loud Matti Äijälä>BankID &amp; my phone &lt;3&gt;&nbsp;ok&lrm;
            """)
        #expect(cues == [
            TranscriptCue(line: 14, speaker: "Liisa Virtanen", startMs: 1120, endMs: 4870, text: "Hyvää huomenta, and welcome."),
            TranscriptCue(line: 19, speaker: "Matti Äijälä", startMs: 7010, endMs: 10450, text: "BankID & my phone <3> ok\u{200E}"),
        ])
    }

    @Test("headerless WebVTT: numbered cues, times without hours, tags and timestamps stripped, CRLF and a BOM")
    func headerless() throws {
        let cues = try cues("\u{FEFF}1\r\n01:02.500 --> 01:04.000\r\n<c.yellow><i>Hei</i></c> <01:03.000><b>kaikki</b>\r\n\r\n"
            + "2\r\n1:01:02.000 --> 1:01:03.000\r\nKiitos\r\n")
        #expect(cues == [
            TranscriptCue(line: 2, speaker: nil, startMs: 62_500, endMs: 64_000, text: "Hei kaikki"),
            TranscriptCue(line: 6, speaker: nil, startMs: 3_662_000, endMs: 3_663_000, text: "Kiitos"),
        ])
    }

    @Test("Zoom: 'Name: text' names the speaker, but a clock time in speech never does")
    func zoomSpeakers() throws {
        let cues = try cues("""
            WEBVTT

            1
            00:00:01.000 --> 00:00:02.000
            Aino Virtanen: we meet at 17:30: ok

            2
            00:00:02.000 --> 00:00:03.000
            at 10:15 we start

            3
            00:00:03.000 --> 00:00:04.000
            we meet at 17:30: ok

            4
            00:00:04.000 --> 00:00:05.000
            12: twelve is not a name
            """)
        #expect(cues.map(\.speaker) == ["Aino Virtanen", nil, nil, nil])
        #expect(cues.map(\.text) == ["we meet at 17:30: ok", "at 10:15 we start", "we meet at 17:30: ok", "12: twelve is not a name"])
    }

    @Test("a cue with several voices gives a cue per voice")
    func severalVoices() throws {
        let cues = try cues("00:01.000 --> 00:02.000\n<v Aino>Kyllä.</v> <v Matti>Ei.</v>\n")
        #expect(cues.map(\.speaker) == ["Aino", "Matti"])
        #expect(cues.map(\.text) == ["Kyllä.", "Ei."])
    }

    @Test("consecutive cues by one speaker merge; a cue naming nobody continues the speaker before, or is 'Unknown speaker'")
    func merging() throws {
        let turns = try turns("""
            WEBVTT

            00:00:00.500 --> 00:00:01.000
            Hello?

            00:00:01.000 --> 00:00:02.000
            <v Aino>Tervetuloa,

            00:00:02.000 --> 00:00:03.500
            kaikki.

            00:00:03.000 --> 00:00:05.000
            <v Matti>Kiitos.

            00:00:05.000 --> 00:00:06.000
            <v Aino>Aloitetaan.
            """)
        #expect(turns == [
            TranscriptTurn(line: 3, speaker: "Unknown speaker", startMilliseconds: 500, endMilliseconds: 1000, text: "Hello?"),
            TranscriptTurn(line: 6, speaker: "Aino", startMilliseconds: 1000, endMilliseconds: 3500, text: "Tervetuloa, kaikki."),
            TranscriptTurn(line: 12, speaker: "Matti", startMilliseconds: 3000, endMilliseconds: 5000, text: "Kiitos."),
            TranscriptTurn(line: 15, speaker: "Aino", startMilliseconds: 5000, endMilliseconds: 6000, text: "Aloitetaan."),
        ])
    }

    @Test("a turn that would pass an utterance's length limit is split")
    func longTurnsSplit() throws {
        let sentence = String(repeating: "sana ", count: 600) + "loppu."
        let cue = { (n: Int) in "00:00:\(String(format: "%02d", n)).000 --> 00:00:\(String(format: "%02d", n + 1)).000\n<v Aino>\(sentence)\n\n" }
        let turns = try turns((0..<4).map(cue).joined())
        #expect(turns.count == 2)
        #expect(turns.allSatisfy { $0.text.unicodeScalars.count <= CueMerger<StringCues>.maximumLength })
        #expect(turns[1].startMilliseconds == 3000)
    }

    @Test("SRT: comma times, numbered cues, '[Name] text', 'Name: text' or no speaker")
    func srt() throws {
        let cues = try cues("""
            1
            00:00:01,000 --> 00:00:04,000
            Liisa: Tervetuloa.

            2
            00:00:04,500 --> 00:00:06,000
            [Matti] Kiitos, <font color="red">hyvää</font> huomenta.

            3
            00:00:06,200 --> 00:00:08,000
            {\\an8}kaksi vuotta.
            """, srt: true)
        #expect(cues.map(\.speaker) == ["Liisa", "Matti", nil])
        #expect(cues.map(\.text) == ["Tervetuloa.", "Kiitos, hyvää huomenta.", "kaksi vuotta."])
        #expect(cues.map(\.startMs) == [1000, 4500, 6200])
    }

    @Test("broken times, a cue ending before it starts, or starting before the one above are errors naming the line", arguments: [
        ("WEBVTT\n\n00:00:0x.000 --> 00:00:02.000\nHei\n", "t.vtt:3: '00:00:0x.000' is not a cue time; write it as hh:mm:ss.mmm, mm:ss.mmm or (SRT) hh:mm:ss,mmm"),
        ("00:00:05.000 --> 00:00:04.000\nHei\n", "t.vtt:1: the cue ends at 00:00:04.000, before it starts at 00:00:05.000"),
        ("00:00:05.000 --> 00:00:06.000\nA\n\n00:00:04.999 --> 00:00:07.000\nB\n",
         "t.vtt:4: the cue starts at 00:00:04.999, before the cue on line 1 (00:00:05.000); cues must be in time order"),
        ("WEBVTT\n\nHello there\nno timing\n", "t.vtt:3: expected a cue: an optional id line, then a timing line 'start --> end'; found 'Hello there'"),
        ("00:00:01.000 --> \nHei\n", "t.vtt:1: '' is not a cue time; write it as hh:mm:ss.mmm, mm:ss.mmm or (SRT) hh:mm:ss,mmm"),
    ])
    func brokenTimings(text: String, message: String) {
        #expect(error(text) == message)
    }

    @Test("overlapping cues are fine: people talk at once")
    func overlaps() throws {
        #expect(try cues("00:01.000 --> 00:05.000\nA: x\n\n00:02.000 --> 00:03.000\nB: y\n").count == 2)
    }
}

/// A cue source for naming `CueMerger`'s static members in tests.
typealias StringCues = SubtitleParser<StringLines>

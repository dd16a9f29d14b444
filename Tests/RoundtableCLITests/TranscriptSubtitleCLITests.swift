import Foundation
import Testing

@Suite("transcript show: filters, WebVTT and SRT from the command line")
struct TranscriptSubtitleCLITests {
    let cli: CLI

    /// `CLI.nordicSession()` with five timed turns; codes Channel/Phone
    /// (on U-000002) and Channel/App (on U-000003).
    init() throws {
        cli = try CLI.nordicSession()
        for (speaker, at, text) in [("M-0001", "00:00:05", "Tervetuloa. Matti, aloitatko?"),
                                    ("P-000001", "00:00:12", "Soitan aina: puhelin > sovellus & chat."),
                                    ("P-000002", "00:01:02.500", "Appen --> <b>bra</b>, sier Matti Äijälä."),
                                    ("Client", "01:00:00", "Kiitos kaikille."),
                                    ("P-000002", "01:00:00", "Takk.")] {
            _ = try cli.key("transcript", "add", "S-0001", "--speaker", speaker, "--at", at, text)
        }
        _ = try cli.key("code", "add", "Channel")
        _ = try cli.key("code", "add", "Phone", "--parent", "Channel")
        _ = try cli.key("code", "add", "App", "--parent", "Channel")
        _ = try cli.key("code", "apply", "Phone", "--utterance", "U-2", "--from", "13", "--to", "20")
        _ = try cli.key("code", "apply", "App", "--utterance", "U-3", "--from", "0", "--to", "5")
    }

    @Test func webVTTAndSRTMatchTheGoldenFiles() throws {
        let vtt = try cli.run("transcript", "show", "S-0001", "--format", "vtt")
        #expect(vtt.status == 0 && vtt.stderr.isEmpty, "\(vtt.stderr)")
        try Golden.check(vtt.stdout, against: "transcript-S-0001.vtt")
        let srt = try cli.run("transcript", "show", "S-0001", "--format", "srt", "--pseudonymize")
        #expect(srt.status == 0 && srt.stderr.isEmpty, "\(srt.stderr)")
        try Golden.check(srt.stdout, against: "transcript-S-0001-pseudonymized.srt")
    }

    @Test func writesToAFileOrAFolder() throws {
        let file = cli.folder.appendingPathComponent("subs.vtt").path
        let result = try cli.run("transcript", "show", "S-1", "--format", "vtt", "--speaker", "P-000002", "-o", file)
        #expect(result.status == 0 && result.stdout == "wrote 2 cues of S-0001 to \(file)\n")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.hasPrefix("WEBVTT\n\nU-000003\n00:01:02.500 --> 00:02:02.500\n<v Øystein Berg>Appen --&gt; &lt;b&gt;bra&lt;/b&gt;"))
        let folder = try cli.run("transcript", "show", "S-1", "--format", "srt", "-o", cli.folder.path)
        #expect(folder.status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("transcript-S-0001.srt").path))
    }

    @Test func filtersBySpeakerCodeAndTime() throws {
        let bySpeaker = try cli.run("transcript", "show", "S-0001", "--speaker", "P-000002")
        #expect(bySpeaker.stdout == """
            S-0001  Mobiilipankki  (2 utterances)
            KEY       AT            SPEAKER                  TEXT
            U-000003  00:01:02.500  Øystein Berg (P-000002)  Appen --> <b>bra</b>, sier Matti Äijälä.
            U-000005  01:00:00      Øystein Berg (P-000002)  Takk.

            """)
        let byCode = try cli.run("transcript", "show", "S-0001", "--code", "Channel", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(byCode.stdout.utf8)) as? [String: Any])
        let keys = (object["utterances"] as? [[String: Any]])?.map { $0["key"] as? String }
        #expect(keys == ["U-000002", "U-000003"])
        let byTime = try cli.run("transcript", "show", "S-0001", "--from", "00:12", "--to", "1:02:00", "--code", "App")
        #expect(byTime.stdout.hasPrefix("S-0001  Mobiilipankki  (1 utterance)\n"))
        let none = try cli.run("transcript", "show", "S-0001", "--from", "2:00:00")
        #expect(none.stdout == "S-0001  Mobiilipankki  (0 utterances)\n")
    }

    @Test func refusals() throws {
        _ = try cli.key("transcript", "add", "S-0001", "--speaker", "P-000001", "Untimed afterthought.")
        let untimed = try cli.run("transcript", "show", "S-0001", "--format", "srt")
        #expect(untimed.status == 65 && untimed.stdout.isEmpty)
        #expect(untimed.stderr == "error: U-000006 has no start time, and a subtitle cue needs one; leave untimed turns out with --from 0:00\n")
        let out = cli.folder.appendingPathComponent("never.srt").path
        _ = try cli.run("transcript", "show", "S-0001", "--format", "srt", "-o", out)
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written on error")
        let timed = try cli.run("transcript", "show", "S-0001", "--format", "srt", "--from", "0:00")
        #expect(timed.status == 0 && timed.stdout.hasPrefix("1\n00:00:05,000 --> 00:00:12,000\nLiisa Virtanen: Tervetuloa."))

        let cases: [([String], Int32, String)] = [
            (["-o", "x.vtt"], 64, "-o needs --format vtt or srt"),
            (["--from", "soon"], 64, "error: --from 'soon' must be a time into the recording such as 00:12:05, 12:05 or 0:12:05.250\n"),
            (["--from", "1:00", "--to", "0:30"], 64, "error: --from 00:01:00 must be before --to 00:00:30\n"),
            (["--speaker", "Matti"], 64, "error: 'Matti' is not a speaker key (expected a participant like P-000001 or a moderator like M-0001)\n"),
            (["--speaker", "M-0007"], 65, "error: no moderator M-0007 in this workspace\n"),
            (["--code", "Fax"], 65, "error: no code Fax in this workspace\n"),
            (["--pseudonym-key", "k.json"], 64, "--pseudonym-key needs --pseudonymize"),
        ]
        for (extra, status, message) in cases {
            let result = try cli.start(["transcript", "show", "S-0001"] + extra).finish()
            #expect(result.status == status, "\(extra)")
            #expect(result.stderr.hasPrefix(message) || result.stderr.contains(message), "\(extra): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }
}

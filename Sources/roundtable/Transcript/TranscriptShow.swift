import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct TranscriptShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a session's transcript in order, or write it as subtitles (WebVTT, SRT).",
        discussion: """
            --from and --to keep the turns that start in that stretch of the recording (00:12:05, 12:05); \
            turns without a start time are then left out.

            --format vtt and srt write one cue per turn for video players. A cue ends at the turn's end; \
            without one, where the next turn of the transcript starts (at most a minute later); when nothing \
            follows, after 80 ms a character (1 to 60 s). Every turn written needs a start time.
            """)

    /// How the transcript is written.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, vtt, srt
    }

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "Output format: table, json, vtt (WebVTT) or srt (SubRip).") var format: Format = .table
    @Argument(help: "Session key.") var key: String
    @Option(help: ArgumentHelp("Only this participant's or moderator's turns.", valueName: "P-000001|M-0001")) var speaker: String?
    @Option(help: ArgumentHelp("Only turns carrying this code or a code under it.", valueName: "path")) var code: String?
    @Option(help: ArgumentHelp("Only turns starting at or after this time into the recording.", valueName: "hh:mm:ss"))
    var from: String?
    @Option(help: ArgumentHelp("Only turns starting before this time into the recording.", valueName: "hh:mm:ss")) var to: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("With --format vtt or srt: write to this file (default: standard output).",
                                                    valueName: "file"))
    var output: String?
    @OptionGroup var pseudonym: PseudonymOptions

    func validate() throws {
        if output != nil, format != .vtt, format != .srt { throw ValidationError("-o needs --format vtt or srt") }
        try pseudonym.validate(output: output)
    }

    func run() throws {
        let session = try Keys.session(key)
        let filter = TranscriptFilter(speaker: try speaker.map(Keys.speaker), code: code,
                                      fromMs: try from.map { try Self.time($0, "--from") },
                                      toMs: try to.map { try Self.time($0, "--to") })
        let (transcript, pseudonyms) = try workspace.openForReading()
            .transcript(session: session, filter: filter, pseudonymize: pseudonym.pseudonymize)
        switch format {
        case .json:
            try JSONOutput.print(TranscriptJSON(transcript))
        case .table:
            let session = transcript.session
            let count = transcript.lines.count == 1 ? "1 utterance" : "\(transcript.lines.count) utterances"
            Console.print("\(session.key)  \(session.title)  (\(count))")
            if !transcript.lines.isEmpty {
                var table = Table("KEY", "AT", "SPEAKER", "TEXT")
                for line in transcript.lines {
                    table.add("\(line.key)", line.time ?? "", SpeakerText.render(line.utterance.speakerLabel, line.speakerKey),
                              SpeakerText.oneLine(line.utterance.text))
                }
                Console.print(table.render())
            }
        case .vtt, .srt:
            let cues = try transcript.lines.map(Self.cue)
            let text = format == .vtt ? SubtitleWriter.webVTT(cues) : SubtitleWriter.srt(cues)
            let path = try output.map { try OutputFile.resolve($0, defaultName: "transcript-\(session).\(format.rawValue)") }
            try OutputFile.write(Data(text.utf8), to: path ?? OutputFile.standardOutputName)
            if let path, path != OutputFile.standardOutputName {
                Console.print("wrote \(cues.count) cues of \(session) to \(path)")
            }
        }
        if let line = try pseudonym.write(pseudonyms) {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// A time into the recording as `--from`/`--to` take it.
    static func time(_ text: String, _ flag: String) throws -> Int {
        do {
            return try TranscriptText.parseTimestamp(text)
        } catch let error as RoundtableError where error.kind == .usage {
            throw RoundtableError.usage("\(flag) '\(text)' must be a time into the recording such as 00:12:05, 12:05 or 0:12:05.250")
        }
    }

    /// The cue for one turn; a turn without a start time cannot be placed (exit 65).
    static func cue(_ line: TranscriptLine) throws -> SubtitleCue {
        let utterance = line.utterance
        guard let start = utterance.startMs else {
            throw RoundtableError.rule("\(line.key) has no start time, and a subtitle cue needs one; "
                                       + "leave untimed turns out with --from 0:00")
        }
        return SubtitleCue(identifier: "\(line.key)", startMs: start,
                           endMs: SubtitleCue.end(start: start, end: utterance.endMs, nextStart: line.nextStartMs, text: utterance.text),
                           speaker: utterance.speakerLabel, text: utterance.text)
    }
}

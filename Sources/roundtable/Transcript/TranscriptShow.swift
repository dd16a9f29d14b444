import ArgumentParser
import RoundtableCore
import RoundtableStore

struct TranscriptShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a session's transcript in order.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "Session key.") var key: String

    func run() throws {
        let transcript = try workspace.openForReading().transcript(session: try Keys.session(key))
        switch output.format {
        case .json:
            try JSONOutput.print(TranscriptJSON(transcript))
        case .table:
            let session = transcript.session
            let count = transcript.lines.count == 1 ? "1 utterance" : "\(transcript.lines.count) utterances"
            Console.print("\(session.key)  \(session.title)  (\(count))")
            guard !transcript.lines.isEmpty else { return }
            var table = Table("KEY", "AT", "SPEAKER", "TEXT")
            for line in transcript.lines {
                table.add("\(line.key)", line.time ?? "", SpeakerText.render(line.utterance.speakerLabel, line.speakerKey),
                          SpeakerText.oneLine(line.utterance.text))
            }
            Console.print(table.render())
        }
    }
}

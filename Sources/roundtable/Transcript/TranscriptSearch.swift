import ArgumentParser
import RoundtableCore
import RoundtableStore

struct TranscriptSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find utterances that contain every word given.",
        discussion: """
            Case and diacritics do not matter ("aijala" finds "Äijälä"); a trailing * searches by prefix \
            (deliv* finds "delivery"). Best matches first, then by session start; with --sort recent, the newest \
            sessions first, each in the order spoken (quick however common the words are).
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "Words to find.") var words: [String]
    @Option(help: "Only this session's transcript.") var session: String?
    @Option(help: "Only the transcripts of this panel's sessions.") var panel: String?
    @Option(parsing: .unconditional, help: "At most this many.") var limit: Int = 50
    @Option(help: "relevance (best matches first) or recent (newest sessions first, in the order spoken).")
    var sort: SortChoice = .relevance

    /// `--sort`'s values.
    enum SortChoice: String, ExpressibleByArgument, CaseIterable {
        case relevance, recent

        var order: TranscriptSearchOrder { self == .recent ? .recent : .relevance }
    }

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let hits = try workspace.openForReading().searchTranscripts(query: words.joined(separator: " "),
                                                          session: try session.map(Keys.session), panel: panel, limit: limit,
                                                                    order: sort.order)
        switch output.format {
        case .json:
            try JSONOutput.print(hits.map(TranscriptHitJSON.init))
        case .table:
            var table = Table("SESSION", "UTTERANCE", "AT", "SPEAKER", "MATCH")
            for hit in hits {
                table.add("\(hit.session)", "\(hit.utterance)", hit.time ?? "", SpeakerText.render(hit.speakerLabel, hit.speakerKey),
                          SpeakerText.oneLine(hit.snippet))
            }
            Console.print(table.render())
        }
    }
}

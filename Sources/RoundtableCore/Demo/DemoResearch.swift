import Foundation

/// The research half of the demo, from `templates/demo/research.json`. Sessions are named by
/// their number in `sessions.json` (1 = the first, S-0001), people by their `ref`.
public struct DemoResearch: Decodable, Sendable {
    public struct ConceptEntry: Decodable, Sendable {
        public var key: String, title: String, description: String?, version: String?
    }

    public struct PresentationEntry: Decodable, Sendable {
        public var session: Int, concepts: [String], rotate: Bool?
    }

    public struct ReactionEntry: Decodable, Sendable {
        public var session: Int, concept: String, participant: String
        public var appeal: Int, intent: Int, recommend: Int, expectation: Int?, comment: String?
    }

    public struct TranscriptEntry: Decodable, Sendable {
        public var session: Int, file: String
    }

    /// A code applied by `coder` to the words `quote` of utterance number `utterance` (1 = the first turn).
    public struct CodingEntry: Decodable, Sendable {
        public var coder: String, utterance: Int, code: String, quote: String
    }

    public struct NoteEntry: Decodable, Sendable {
        public var session: Int, at: String?, kind: NoteKind, text: String, closed: Bool?
    }

    /// A comment card, optionally with a code applied to the words `quote` of its text.
    public struct CommentEntry: Decodable, Sendable {
        public var text: String
        public var participant: String?
        public var panel: String?
        public var channel: CommentChannel?
        public var rating: Int?
        public var coder: String?
        public var code: String?
        public var quote: String?
    }

    public struct SurveyEntry: Decodable, Sendable {
        public var participant: String, session: Int?
        public var quality: Int, speed: Int, price: Int, trust: Int, recommend: Int
        public var problems: String?, needs: String?
    }

    /// The starter codebook to load, a file in `templates/codebooks/`.
    public var codebook: String
    public var concepts: [ConceptEntry]
    public var presentations: [PresentationEntry]
    public var reactions: [ReactionEntry]
    public var transcript: TranscriptEntry
    public var codings: [CodingEntry]
    public var notes: [NoteEntry]
    public var comments: [CommentEntry]
    public var surveys: [SurveyEntry]
    /// Where the transcript file is: `transcript.file` in the demo folder.
    public var transcriptPath = ""

    private enum CodingKeys: String, CodingKey {
        case codebook, concepts, presentations, reactions, transcript, codings, notes, comments, surveys
    }

    /// Reads `research.json` from `folder`, checking that the transcript it names is there.
    public static func load(from folder: URL) throws -> DemoResearch {
        var research: DemoResearch = try DemoWorkspace.read(folder, "research.json")
        let url = folder.appendingPathComponent(research.transcript.file)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw RoundtableError(.inputMissing, "cannot read \(url.path)")
        }
        research.transcriptPath = url.path
        return research
    }

    /// The Unicode-scalar span of `quote` in `text`, as codings count; a rule error if it is not there.
    public static func span(of quote: String, in text: String, what: String) throws -> TextSpan {
        guard let range = text.range(of: quote) else { throw RoundtableError.rule("demo data: \(what) does not contain '\(quote)'") }
        let scalars = text.unicodeScalars
        let start = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
        return TextSpan(start: start, end: start + quote.unicodeScalars.count)
    }
}

import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct TranscriptImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a session's whole transcript: Roundtable text or XML, WebVTT (Zoom, Teams), SRT, Otter.ai text or a Teams .docx.",
        discussion: """
            The format is told from the file's start (--format overrides it). In plain text, each turn is a line \
            'Speaker: text', optionally with a timestamp: '[00:12:05] Äijälä: Hello' or 'Äijälä [00:12:05]: Hello'; \
            other lines continue the turn. A native XML transcript (written by 'export transcript') brings its codings \
            and the codes they use. From WebVTT and SRT captions, Otter.ai text and Teams .docx transcripts, \
            consecutive cues by one speaker become one utterance with the first cue's start and the last one's end; \
            the speaker is a WebVTT voice (<v Name>), a 'Name: text' prefix, or in SRT '[Name] text'; a cue naming \
            nobody continues the speaker before it ('Unknown speaker' at the start). Cues may overlap but not start \
            before the cue above them. Speakers are matched to the \
            session's seated participants and moderators by key or name, after the labels given with --speaker or \
            --speaker-map; a speaker that fits nobody, or several people, keeps its label and is listed as a warning \
            with the command that would map it. The import is one transaction: any error (exit 65, with FILE:LINE) \
            writes nothing. A session that has a transcript, or the same file again, is refused unless --replace.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var limits: InputLimitOptions
    @Argument(help: "Session key.") var key: String
    @Argument(help: "Transcript file (UTF-8 or UTF-16 text, native XML, or a .docx); - reads standard input.") var file: String
    @Flag(help: "Replace the session's transcript (and the codings on it) if it has one.") var replace = false
    @Option(help: "The file's format: auto (told from its start), text, xml, vtt, srt, otter or docx.")
    var format: FormatChoice = .auto
    @Option(name: .customLong("speaker"), help: ArgumentHelp(
        "Attribute a speaker label to a participant or moderator of the session, as 'Label=P-000012' (repeatable).",
        valueName: "label=key"))
    var speakers: [String] = []
    @Option(help: ArgumentHelp("A file of 'Label=KEY' lines, as --speaker; '#' starts a comment.", valueName: "file"))
    var speakerMap: String?

    /// `--format`'s values.
    enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, text, xml, vtt, srt, otter, docx
    }

    func validate() throws {
        for mapping in speakers where Self.mapping(mapping, origin: "") == nil {
            throw ValidationError("--speaker '\(mapping)' must be 'Label=KEY', such as 'Speaker 2=P-000012'")
        }
    }

    func run() throws {
        let session = try Keys.session(key)
        var mappings = speakers.map { text in
            Self.mapping(text, origin: "--speaker \(ShellWord.quoted(text))")!
        }
        if let speakerMap { mappings += try Self.mappings(file: speakerMap, maxSize: limits.maxSize) }
        // Only the start is looked at to tell the format; the readers stream the file themselves.
        // Everything goes through InputFile, which reads a pipe or FIFO from its source only once.
        let head = try InputFile.head(of: file, count: 4096, maxSize: limits.maxSize)
        let kind = format == .auto ? TranscriptFormat.detect(head: head) : TranscriptFormat(rawValue: format.rawValue)!
        let sha256 = try FileDigest(path: file, maxSize: limits.maxSize).value()
        let imported = try Importing(file: file, format: kind, sha256: sha256, replace: replace, mappings: mappings,
                                     maxSize: limits.maxSize).run(session: session, database: workspace.open())
        imported.warnings.forEach(Console.warning)
        let report = imported.report
        for mapping in report.unusedMappings {
            Console.warning("\(mapping.origin): no turn in \(file) has the speaker '\(mapping.label)'")
        }
        for speaker in report.unmatched {
            Console.warning("\(imported.location):\(speaker.line): speaker '\(speaker.label)' matches nobody in \(session); "
                + "\(Self.turns(speaker.turns)) kept as a label; to map it: \(hint(session, speaker.label))")
        }
        for speaker in report.ambiguous {
            Console.warning("\(imported.location):\(speaker.line): speaker '\(speaker.label)' could be "
                + speaker.candidates.map { "\($0.key)" + ($0.name.map { " (\($0))" } ?? "") }.joined(separator: " or ")
                + "; \(Self.turns(speaker.turns)) kept as a label")
        }
        let source = kind.hasCues ? " (from \(report.cues) cues, \(kind.rawValue))" : ""
        var line = "imported \(report.utterances) utterances\(source)\(imported.codings) into \(session): "
            + "\(report.matched.count) speakers matched, \(report.unmatched.count) unmatched, \(report.ambiguous.count) ambiguous"
        if report.replacedUtterances > 0 {
            line += "; replaced \(report.replacedUtterances) earlier utterances"
                + (report.removedCodings > 0 ? " and \(report.removedCodings) codings on them" : "")
        }
        Console.print(line)
    }

    /// The command that imports the file again with `label` mapped, keeping the options given.
    private func hint(_ session: EntityKey, _ label: String) -> String {
        var words = ["roundtable", "transcript", "import", "\(session)", file, "--replace"]
        if format != .auto { words += ["--format", format.rawValue] }
        if let speakerMap { words += ["--speaker-map", speakerMap] }
        for mapping in speakers { words += ["--speaker", mapping] }
        if let db = workspace.db { words += ["--db", db] }
        if limits.maxSize != NativeFormat.defaultMaxSize { words += ["--max-size", "\(limits.maxSize)"] }
        return (words.map(ShellWord.quoted) + ["--speaker", ShellWord.quoted("\(label)=P-…")]).joined(separator: " ")
    }

    /// "its 1 turn is" or "its 3 turns are".
    private static func turns(_ count: Int) -> String {
        count == 1 ? "its 1 turn is" : "its \(count) turns are"
    }
}

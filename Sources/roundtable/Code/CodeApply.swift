import ArgumentParser
import RoundtableCore
import RoundtableStore

struct CodeApply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Apply a code to an utterance, a note, a comment card or a reaction's comment, or to every match of a search.",
        discussion: """
            Offsets count Unicode scalars from 0, --to exclusive; without them the whole text is coded.

            With --search, every utterance the search finds (as `transcript search` finds them: case and \
            diacritics do not matter, a trailing * searches by prefix) is coded in one batch: the matched \
            words, joined where they stand together, or with --whole-utterance each utterance whole. Spans \
            the code already covers are skipped. `code unapply --batch N` takes a batch back.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The code: a path such as Channel/Phone, or a name only one code has.") var code: String
    @OptionGroup var target: CodingTargetOptions
    @Option(parsing: .unconditional, help: "First scalar of the span, from 0.") var from: Int?
    @Option(parsing: .unconditional, help: "Scalar just past the span.") var to: Int?
    @Option(help: ArgumentHelp("Code every utterance these words find, as one batch.", valueName: "words")) var search: String?
    @Option(help: ArgumentHelp("With --search: only this session's transcript.", valueName: "S-0001")) var session: String?
    @Option(help: ArgumentHelp("With --search: only this participant's or moderator's turns.", valueName: "P-000001|M-0001"))
    var speaker: String?
    @Flag(help: "With --search: code each matching utterance whole, once.") var wholeUtterance = false
    @Flag(help: "With --search: show what would be coded and write nothing.") var dryRun = false
    @Option(help: ArgumentHelp("Who the coding is recorded for (default: you, $USER).", valueName: "name")) var coder: String?

    func validate() throws {
        if search != nil {
            guard target.count == 0, from == nil, to == nil else {
                throw ValidationError("--search codes what it finds: give no --utterance, --note, --comment, --reaction, --from or --to with it")
            }
            return
        }
        let searchOnly = [(session != nil, "--session"), (speaker != nil, "--speaker"),
                          (wholeUtterance, "--whole-utterance"), (dryRun, "--dry-run")]
        if let (_, flag) = searchOnly.first(where: \.0) { throw ValidationError("\(flag) needs --search") }
        guard target.count == 1 else {
            throw ValidationError("give exactly one of --utterance, --note, --comment or --reaction, or --search")
        }
    }

    func run() throws {
        if let search { return try applyBatch(search) }
        let coded = try workspace.open().applyCode(code, to: try target.key(), from: from, to: to, coder: coder)
        switch output.format {
        case .json: try JSONOutput.print(CodedSpanJSON(coded))
        case .table: Console.print("\(coded.codePath) → \(coded.target) \(Self.range(coded)): \(Self.quoted(coded.text))")
        }
    }

    private func applyBatch(_ query: String) throws {
        let scope = BatchScope(session: try session.map(Keys.session), speaker: try speaker.map(Keys.speaker),
                               wholeUtterance: wholeUtterance)
        let database = try dryRun ? workspace.openForReading() : workspace.open()
        let result = try database.applyCode(code, search: query, scope: scope, coder: coder, dryRun: dryRun)
        switch output.format {
        case .json:
            try JSONOutput.print(CodingBatchJSON(result, dryRun: dryRun))
        case .table:
            if dryRun && !result.codings.isEmpty {
                var table = Table("UTTERANCE", "SPAN", "TEXT", "NOTE")
                for planned in result.codings {
                    table.add("\(planned.utterance)", "[\(planned.span.start), \(planned.span.end))", Self.quoted(planned.text),
                              planned.alreadyCoded ? "already coded" : "")
                }
                Console.print(table.render())
            }
            Console.print(CodingBatchText.summary(result, dryRun: dryRun))
        }
    }

    /// `[12, 30)`, or `[0, 40) whole text`.
    static func range(_ coded: CodedSpan) -> String {
        "[\(coded.span.start), \(coded.span.end))" + (coded.isWholeText ? " whole text" : "")
    }

    /// The covered text on one line in quotes, shortened past 80 characters.
    static func quoted(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (line.count > 80 ? String(line.prefix(79)) + "…" : line) + "\""
    }
}

import ArgumentParser
import RoundtableCore
import RoundtableStore

struct CodeApply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Apply a code to an utterance, a note, a comment card or a reaction's comment.",
        discussion: "Offsets count Unicode scalars from 0, --to exclusive; without them the whole text is coded.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The code: a path such as Channel/Phone, or a name only one code has.") var code: String
    @Option(help: ArgumentHelp("Utterance key.", valueName: "U-000001")) var utterance: String?
    @Option(help: ArgumentHelp("Note key.", valueName: "N-0001")) var note: String?
    @Option(help: ArgumentHelp("Comment card key.", valueName: "C-0001")) var comment: String?
    @Option(help: ArgumentHelp("Reaction key (its comment is coded).", valueName: "R-0001")) var reaction: String?
    @Option(parsing: .unconditional, help: "First scalar of the span, from 0.") var from: Int?
    @Option(parsing: .unconditional, help: "Scalar just past the span.") var to: Int?

    func validate() throws {
        let targets = [utterance, note, comment, reaction].compactMap { $0 }
        guard targets.count == 1 else {
            throw ValidationError("give exactly one of --utterance, --note, --comment or --reaction")
        }
    }

    func run() throws {
        let target: EntityKey = if let utterance { try EntityKey(parsing: utterance, as: .utterance) }
            else if let note { try EntityKey(parsing: note, as: .note) }
            else if let comment { try EntityKey(parsing: comment, as: .commentCard) }
            else { try EntityKey(parsing: reaction ?? "", as: .reaction) }
        let coded = try workspace.open().applyCode(code, to: target, from: from, to: to)
        Console.print("\(coded.codePath) → \(coded.target) \(Self.range(coded)): \(Self.quoted(coded.text))")
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

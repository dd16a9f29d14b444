import ArgumentParser
import RoundtableCore

/// `--utterance`, `--note`, `--comment`, `--reaction`: what a coding is applied to.
struct CodingTargetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Utterance key.", valueName: "U-000001")) var utterance: String?
    @Option(help: ArgumentHelp("Note key.", valueName: "N-0001")) var note: String?
    @Option(help: ArgumentHelp("Comment card key.", valueName: "C-0001")) var comment: String?
    @Option(help: ArgumentHelp("Reaction key (its comment is coded).", valueName: "R-0001")) var reaction: String?

    /// How many of the four were given.
    var count: Int { [utterance, note, comment, reaction].compactMap { $0 }.count }

    /// The one target given, parsed.
    func key() throws -> EntityKey {
        if let utterance { return try EntityKey(parsing: utterance, as: .utterance) }
        if let note { return try EntityKey(parsing: note, as: .note) }
        if let comment { return try EntityKey(parsing: comment, as: .commentCard) }
        return try EntityKey(parsing: reaction ?? "", as: .reaction)
    }
}

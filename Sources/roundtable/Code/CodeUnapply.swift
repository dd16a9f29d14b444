import ArgumentParser
import RoundtableCore
import RoundtableStore

struct CodeUnapply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unapply", abstract: "Take a coding back, or a whole batch that `code apply --search` made.",
        discussion: """
            roundtable code unapply --batch 3
            roundtable code unapply Channel/Phone --utterance U-000012 [--from 4 --to 9] [--coder NAME]
            When the code is applied to the target more than once, --from/--to or --coder must pick one.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The code: a path such as Channel/Phone, or a name only one code has.") var code: String?
    @Option(help: ArgumentHelp("Take back this batch's codings (see `code batches`).", valueName: "number")) var batch: Int64?
    @OptionGroup var target: CodingTargetOptions
    @Option(parsing: .unconditional, help: "First scalar of the coded span.") var from: Int?
    @Option(parsing: .unconditional, help: "Scalar just past the coded span.") var to: Int?
    @Option(help: ArgumentHelp("Only the coding recorded for this coder.", valueName: "name")) var coder: String?

    func validate() throws {
        if batch != nil {
            guard code == nil, target.count == 0, from == nil, to == nil, coder == nil else {
                throw ValidationError("--batch takes back a whole batch: give no code, target, --from, --to or --coder with it")
            }
            return
        }
        guard code != nil else { throw ValidationError("give a code and its target, or --batch N") }
        guard target.count == 1 else { throw ValidationError("give exactly one of --utterance, --note, --comment or --reaction") }
        if (from == nil) != (to == nil) { throw ValidationError("give both --from and --to, or neither") }
    }

    func run() throws {
        let database = try workspace.openExisting()
        if let batch {
            let removal = try database.unapplyBatch(batch)
            let left = removal.removed == 0 ? " (none of its codings were left)" : ""
            Console.print("took back batch \(batch): removed \(CodingBatchText.count(removal.removed, "coding")) of \(removal.codePath)"
                          + left)
            return
        }
        let removed = try database.unapplyCode(code ?? "", from: try target.key(), start: from, end: to, coder: coder)
        Console.print("removed \(removed.codePath) from \(removed.target) \(CodeApply.range(removed)): \(CodeApply.quoted(removed.text))")
    }
}

import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore

struct CodeAgreement: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement", abstract: "Inter-coder agreement on a session's codings: percent, Cohen's κ, Krippendorff's α.",
        discussion: """
            Compares the codings that coders (the USER who ran `code apply`) made on
            the session's utterances, per code and over all codes, and lists every
            unit they disagree on.

            Coders: --coders, else everyone who coded an utterance of the session.
            Two are needed; a named coder who coded none of them is an error (65).

            Units (--unit):
              turn       each utterance: 1 if the coder applied the code anywhere
                         in it, else 0.
              character  each character (Unicode scalar): 1 if one of the coder's
                         codings of the code covers it (a whole-text coding
                         covers all), else 0.

            Like MAXQDA, which compares coded segments only, only utterances that
            a compared coder coded (with any code) count, so a long uncoded stretch
            does not inflate the agreement; --include-uncoded counts every
            utterance. A coder who left a counted utterance uncoded gave it 0: a
            disagreement with a coder who coded it, not a missing value.

            Each code's units are binary; the overall figures pool them (each
            code × unit is one unit), so frequent codes weigh more.

            Percent agreement: the share of units all coders valued alike.
            Cohen's κ (1960): only for exactly two coders. Krippendorff's α
            (nominal, 2011): any number of coders; undefined (—, null in JSON with
            a note) when no unit varies, every coder giving every unit one value.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: ArgumentHelp("The session whose transcript was coded.", valueName: "S-0001")) var session: String
    @Option(help: ArgumentHelp("Coders to compare, comma-separated (default: everyone who coded the session).",
                               valueName: "anna,ben"))
    var coders: String?
    @Option(help: "What a unit is: turn (an utterance) or character.") var unit: AgreementUnit = .turn
    @Flag(help: "Count every utterance of the session, not only those a compared coder coded.") var includeUncoded = false
    @OptionGroup var output: FormatOptions

    func validate() throws {
        if let coders, Self.names(coders).isEmpty { throw ValidationError("--coders needs at least one coder name") }
    }

    func run() throws {
        let report = try workspace.openForReading().codingAgreement(
            session: try Keys.session(session), coders: coders.map(Self.names), unit: unit, includeUncoded: includeUncoded)
        switch output.format {
        case .json: try JSONOutput.print(AgreementJSON(report))
        case .table: Console.print(Self.render(report))
        }
    }

    /// `anna, ben` → ["anna", "ben"].
    static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func render(_ report: AgreementReport) -> String {
        let unitWord = report.unit == .turn ? "utterances" : "characters"
        var lines = ["\(report.session.key)  \(report.session.title)",
                     "coders: \(report.coders.joined(separator: ", ")); units: \(report.unit.rawValue) "
                        + "(\(report.utterances) of \(report.sessionUtterances) utterances)", ""]
        var table = Table("CODE", unitWord.uppercased(), "AGREEMENT", "KAPPA", "ALPHA")
        for code in report.codes { table.add(code.code, cells(code.measures)) }
        table.add("all codes (pooled)", cells(report.overall))
        lines.append(table.render())
        let measures = report.codes.map(\.measures) + [report.overall]
        if let reason = measures.lazy.compactMap(\.alpha.undefinedReason).first {
            lines.append("α —: \(reason), so α is undefined")
        }
        if report.coders.count != 2 { lines.append("κ —: Cohen's κ compares exactly two coders; α takes any number") }
        lines.append("")
        guard !report.disagreements.isEmpty else {
            lines.append("no disagreements")
            return lines.joined(separator: "\n")
        }
        lines.append("DISAGREEMENTS (\(report.disagreements.count))")
        var list = Table("UTTERANCE", "CODE", "SPAN", "APPLIED BY", "NOT BY", "TEXT")
        for item in report.disagreements {
            list.add("\(item.utterance)", item.code, "[\(item.span.start), \(item.span.end))",
                     item.appliedBy.joined(separator: ", "), item.notBy.joined(separator: ", "), quoted(item.text))
        }
        lines.append(list.render())
        return lines.joined(separator: "\n")
    }

    /// Units, percent, κ and α as table cells.
    private static func cells(_ measures: AgreementMeasures) -> [String] {
        [String(measures.units), measures.percent.percent.map { String(format: "%.1f%%", $0) } ?? "—",
         decimal(measures.kappa?.value), decimal(measures.alpha.value)]
    }

    /// Three decimals, "—" when undefined; never "-0.000".
    static func decimal(_ value: Double?) -> String {
        guard let value else { return "—" }
        let text = String(format: "%.3f", value)
        return text == "-0.000" ? "0.000" : text
    }

    /// The text on one line in quotes, shortened past 30 characters so the table fits a terminal.
    static func quoted(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (line.count > 30 ? String(line.prefix(29)) + "…" : line) + "\""
    }
}

extension AgreementUnit: ExpressibleByArgument {}

extension Table {
    /// Adds a row of a first cell and the rest.
    fileprivate mutating func add(_ first: String, _ rest: [String]) {
        rows.append([first] + rest)
    }
}

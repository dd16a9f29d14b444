import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore

struct SurveySummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Summarise survey answers: means with 95% intervals, NPS, mentions.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var since: SinceOption
    @Option(help: "Only answers by current members of this panel.") var panel: String?
    @Option(help: "Only answers about this session.") var session: String?

    func run() throws {
        let summary = try workspace.openForReading().surveySummary(panel: panel, session: try session.map(Keys.session),
                                                         since: try since.instant())
        switch output.format {
        case .json:
            try JSONOutput.print(StatisticJSON.Survey(summary))
        case .table:
            var table = Table("DIMENSION", "N", "MEAN", "95% INTERVAL")
            for (name, scores) in summary.dimensions {
                let interval = scores.interval.map { "[\(Self.decimal($0.lowerBound)), \(Self.decimal($0.upperBound))]" }
                table.add(name, "\(scores.n)", scores.mean.map(Self.decimal) ?? "–", interval ?? "–")
            }
            Console.print(table.render())
            Console.print()
            let nps = summary.recommend
            let score = nps.rounded.map(Self.signed) ?? "–"
            let counts = "promoters \(nps.promoters), passives \(nps.passives), detractors \(nps.detractors)"
            Console.print("NPS       \(score) (n=\(nps.n); \(counts))")
            Console.print("problems  \(summary.problems) of \(summary.n) answers mention one")
            Console.print("needs     \(summary.needs) of \(summary.n) answers mention one")
        }
    }

    /// `3.75`.
    static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }

    /// `+25`, `-13` or `0`.
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
}

import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore

struct CommentList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List comment cards in the order they came.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var since: SinceOption
    @Option(help: "Only cards given for this panel.") var panel: String?
    @Option(help: "Only this participant's cards.") var participant: String?

    func run() throws {
        let zone = try since.viewerZone()
        let entries = try workspace.openForReading().comments(panel: panel, participant: try participant.map(Keys.participant),
                                                    since: try since.instant())
        switch output.format {
        case .json:
            try JSONOutput.print(entries.map(CommentJSON.init))
        case .table:
            var table = Table("KEY", "RECEIVED", "PANEL", "PARTICIPANT", "CHANNEL", "RATING", "TEXT")
            for entry in entries {
                let card = entry.card
                table.add("\(card.key)", TimeFormat.short(card.receivedAt, zone), entry.panel ?? "",
                          entry.participant.map { "\($0)" } ?? "", card.channel?.rawValue ?? "", card.rating.map { "\($0)" } ?? "",
                          Self.oneLine(card.text))
            }
            Console.print(table.render())
        }
    }

    /// The text on one line, shortened past 60 characters, so each card keeps to one row.
    static func oneLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }
}

/// A comment card as scripts see it.
struct CommentJSON: Encodable {
    var key: String
    var receivedAt: String
    @JSONNullable var panel: String?
    /// Null for an anonymous card.
    @JSONNullable var participant: String?
    @JSONNullable var channel: String?
    @JSONNullable var rating: Int?
    var text: String

    init(_ entry: CommentCardEntry) {
        key = "\(entry.card.key)"
        receivedAt = TimeFormat.utc(entry.card.receivedAt)
        panel = entry.panel
        participant = entry.participant.map { "\($0)" }
        channel = entry.card.channel?.rawValue
        rating = entry.card.rating
        text = entry.card.text
    }
}

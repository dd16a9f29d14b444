import ArgumentParser
import RoundtableCore

struct SurveyRecord: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record one participant's survey answers.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Participant key.") var participant: String
    @Option(help: "The session the answers are about; the participant must hold a seat in it.") var session: String?
    @Option(parsing: .unconditional, help: "Quality, 1–5.") var quality: Int
    @Option(parsing: .unconditional, help: "Delivery speed, 1–5.") var speed: Int
    @Option(parsing: .unconditional, help: "Price and value, 1–5.") var price: Int
    @Option(parsing: .unconditional, help: "Trust, 1–5.") var trust: Int
    @Option(parsing: .unconditional, help: "Would recommend, 0–10.") var recommend: Int
    @Option(help: "Problems or complaints, in the person's words.") var problems: String?
    @Option(help: "Other needs the person mentioned.") var needs: String?

    func run() throws {
        let person = try Keys.participant(participant)
        let sessionKey = try session.map(Keys.session)
        _ = try workspace.open().recordSurvey(
            participant: person, session: sessionKey, quality: quality, speed: speed, price: price, trust: trust,
            recommend: recommend, problems: problems, needs: needs)
        Console.print("recorded survey answers from \(person)" + (sessionKey.map { " for \($0)" } ?? ""))
    }
}

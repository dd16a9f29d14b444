import ArgumentParser
import RoundtableCore

/// `--cooldown`, shared by every command that judges who may be invited.
struct EligibilityOptions: ParsableArguments {
    @Option(help: "Rest period after a focus group: 6mo, 3w, 30d, 0 for none.") var cooldown: String = "6mo"

    /// The invitation rules with this cool-down.
    func policy() throws -> EligibilityPolicy {
        EligibilityPolicy(coolDown: try CalendarPeriod(parsing: cooldown))
    }
}

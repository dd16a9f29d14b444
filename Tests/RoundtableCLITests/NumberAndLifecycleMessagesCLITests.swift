import Foundation
import Testing

/// Messages that name what the user did: completing a session too early, and negative numbers given
/// to numeric options (read as values and refused by name, never as an unknown flag).
@Suite("Lifecycle and number messages from the command line")
struct NumberAndLifecycleMessagesCLITests {
    let cli: CLI

    /// S-0001 starts 2027-03-28 10:00 Helsinki, four months after the pinned now.
    init() throws {
        cli = try CLI()
        _ = try cli.key("moderator", "add", "Aino Virtanen", "--email", "aino@example.fi", "--tz", "Europe/Helsinki")
        _ = try cli.key("participant", "add", "--name", "Sofia Lindqvist")
        _ = try cli.key("session", "schedule", "--title", "Delivery", "--start", "2027-03-28 10:00", "--tz", "Europe/Helsinki",
                        "--duration", "90m", "--moderator", "M-0001", "--capacity", "6")
    }

    @Test func completingASessionBeforeItStartsSaysSo() throws {
        let early = try cli.run("session", "complete", "S-0001")
        #expect(early.status == 65)
        #expect(early.stderr == "error: cannot complete S-0001: it has not started yet (it starts 2027-03-28T10:00:00+03:00)\n")
        _ = try cli.key("session", "cancel", "S-0001", "--reason", "Moderator ill")
        let cancelled = try cli.run("session", "complete", "S-0001")
        #expect(cancelled.status == 65)
        #expect(cancelled.stderr == "error: cannot complete S-0001: it is cancelled\n")
    }

    @Test(arguments: [
        (["comment", "add", "--rating", "-1", "Hyvä"], "--rating must be 1–5, not -1"),
        (["survey", "record", "P-000001", "--quality", "-1", "--speed", "3", "--price", "3", "--trust", "3",
          "--recommend", "5"], "--quality must be 1–5, not -1"),
        (["survey", "record", "P-000001", "--quality", "3", "--speed", "3", "--price", "3", "--trust", "3",
          "--recommend", "-1"], "--recommend must be 0–10, not -1"),
        (["session", "schedule", "--title", "T", "--start", "2027-03-01T10:00Z", "--duration", "1h", "--moderator", "M-0001",
          "--capacity", "-1"], "--capacity must be between 1 and 500, not -1"),
        (["session", "list", "--limit", "-1"], "--limit must be at least 1"),
        (["participant", "list", "--limit", "-5"], "--limit must be at least 1"),
    ])
    func negativeNumbersAreRefusedByName(_ arguments: [String], _ message: String) throws {
        let result = try cli.start(arguments).finish()
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"))
    }
}

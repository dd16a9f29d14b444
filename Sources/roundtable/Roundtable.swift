import ArgumentParser
internal import CProcessTuning
import Foundation
import RoundtableCore
import RoundtableXML

@main
struct Roundtable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roundtable",
        abstract: "Focus groups and customer advisory panels from the command line.",
        discussion: """
            Workspace: --db PATH, else $ROUNDTABLE_DB, else ./roundtable.sqlite.
            Times: ISO 8601 with an offset (2027-03-28T10:00+03:00), or a local time with --tz ZONE.
            Exit codes: 0 ok, 1 unexpected, 64 usage, 65 bad data or broken rule, 66 input missing,
            73 cannot create output, 75 workspace busy (try again).
            Templates (demo data, codebooks, report layouts) are installed beside the binary in
            Roundtable_roundtable.resources; a subfolder of $ROUNDTABLE_TEMPLATES replaces the bundled one.
            """,
        version: "0.1.0 (libxml2 \(LibXML.runtimeVersion))",
        subcommands: [
            DemoCommand.self, PanelCommand.self, ParticipantCommand.self, ModeratorCommand.self, SessionCommand.self,
            ConceptCommand.self, TranscriptCommand.self, NoteCommand.self, CodeCommand.self, CommentCommand.self,
            SurveyCommand.self, ReportCommand.self, ImportCommand.self, ExportCommand.self,
        ]
    )

    static func main() {
        tuneProcess()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as RoundtableError {
            Console.error(error.message)
            Foundation.exit(error.exitCode)
        } catch let error as XMLInputError {
            Console.error(error.description)
            Foundation.exit(error.roundtableError.exitCode)
        } catch {
            exit(withError: error)
        }
    }

    /// Process-wide SQLite and malloc settings, applied before the first connection opens. They
    /// belong to the program, not to the store library a test or another program may link.
    /// Neither is needed for correctness, so a refusal is not an error.
    private static func tuneProcess() {
        _ = roundtable_sqlite3_disable_memstatus()
        _ = roundtable_malloc_keep_freed_heap()
    }
}

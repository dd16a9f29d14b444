import Foundation

/// A failure a user can act on, with the sysexits code the command line should exit with.
public struct RoundtableError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What went wrong, which decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// The command was given arguments it cannot use (EX_USAGE).
        case usage
        /// The data breaks a rule or names nothing that exists (EX_DATAERR).
        case invalidData
        /// An input file is missing or unreadable (EX_NOINPUT).
        case inputMissing
        /// An output file cannot be created (EX_CANTCREAT).
        case cannotCreateOutput
        /// The workspace is locked by someone else (EX_TEMPFAIL).
        case busy
        /// Something failed that no user action caused (exit 1), worded without library internals.
        case unexpected
    }

    /// What went wrong.
    public var kind: Kind
    /// One line for the user.
    public var message: String

    /// Creates an error of the given kind.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The sysexits code for this error.
    public var exitCode: Int32 {
        switch kind {
        case .usage: 64
        case .invalidData: 65
        case .inputMissing: 66
        case .cannotCreateOutput: 73
        case .busy: 75
        case .unexpected: 1
        }
    }

    public var description: String { message }

    /// A rule was broken: exit 65.
    public static func rule(_ message: String) -> RoundtableError { .init(.invalidData, message) }
    /// An argument cannot be used: exit 64.
    public static func usage(_ message: String) -> RoundtableError { .init(.usage, message) }
    /// A key names nothing in the workspace: exit 65.
    public static func notFound(_ what: String, _ key: String) -> RoundtableError {
        .init(.invalidData, "no \(what) \(key) in this workspace")
    }
}

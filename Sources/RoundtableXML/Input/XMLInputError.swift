import Foundation
import RoundtableCore

/// A problem in an input document, located as precisely as the parser allows.
public struct XMLInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or label) the document came from.
    public var file: String
    /// 1-based line, or 0 when unknown.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int
    /// What is wrong, in one line.
    public var message: String

    /// Creates a located error.
    public init(file: String, line: Int = 0, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, leaving out what is unknown.
    public var description: String {
        var location = file
        if line > 0 { location += ":\(line)" }
        if line > 0 && column > 0 { location += ":\(column)" }
        return "\(location): \(message)"
    }

    /// The same problem as a command-line error (exit 65).
    public var roundtableError: RoundtableError { RoundtableError.rule(description) }
}

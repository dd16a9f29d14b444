import Foundation
internal import CLibXML2

/// Receives libxml2's structured errors for one document and keeps them with their positions.
final class XMLErrorCollector {
    let file: String
    /// Errors not yet taken by the reader's user.
    var errors: [XMLInputError] = []
    /// Warnings, kept apart: they never fail an import.
    var warnings: [XMLInputError] = []

    init(file: String) {
        self.file = file
    }

    /// The C callback; `userData` is an unretained collector.
    static let callback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let collector = Unmanaged<XMLErrorCollector>.fromOpaque(userData).takeUnretainedValue()
        collector.record(error.pointee)
    }

    /// libxml2's error as a one-line `XMLInputError` at its line and column in `file`.
    static func located(_ error: xmlError, file: String) -> XMLInputError {
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if let first = message.split(separator: "\n").first { message = String(first) }
        return XMLInputError(file: file, line: Int(error.line), column: Int(error.int2), message: message)
    }

    private func record(_ error: xmlError) {
        let located = Self.located(error, file: file)
        if error.level == XML_ERR_WARNING {
            warnings.append(located)
        } else {
            errors.append(located)
        }
    }
}

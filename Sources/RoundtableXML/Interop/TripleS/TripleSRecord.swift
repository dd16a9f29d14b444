import Foundation

/// One line of a Triple-S data file, cut into each variable's raw parts. Fixed-width positions count
/// characters (Unicode scalars), so they mean the same in ISO-8859-1, UTF-8 and UTF-16 data; a
/// line cut short (trailing blanks trimmed by an editor) reads as blanks.
struct TripleSRecord {
    private let columns: [Unicode.Scalar]
    private let fields: [String]
    private let layout: TripleSMetadata.Layout

    init(_ line: String, layout: TripleSMetadata.Layout) throws {
        self.layout = layout
        switch layout {
        case .fixed:
            columns = Array(line.unicodeScalars)
            fields = []
        case .csv:
            columns = []
            fields = try TripleSDataFile.csvFields(line)
        }
    }

    /// The variable's raw parts: its text; for a multiple, one part a subfield or bit-string column.
    func parts(of variable: TripleSVariable) throws -> [String] {
        switch layout {
        case .fixed:
            let text = slice(variable.start, variable.finish)
            guard variable.kind == .multiple else { return [text] }
            let scalars = Array(text.unicodeScalars)
            let size = variable.subfields.map { variable.width / $0 } ?? 1
            return stride(from: 0, to: scalars.count, by: size).map {
                String(String.UnicodeScalarView(scalars[$0..<min($0 + size, scalars.count)]))
            }
        case .csv:
            let from = variable.start - 1
            guard from < fields.count else {
                throw TripleSRowError(message: "\(variable.name): the line has \(fields.count) fields, not \(variable.finish)")
            }
            let span = Array(fields[from..<min(variable.finish, fields.count)])
            // A bit string may sit in one field ("101") rather than a field a code.
            if variable.kind == .multiple && variable.subfields == nil && variable.width == 1 {
                return span.first.map { $0.trimmingCharacters(in: .whitespaces).map(String.init) } ?? []
            }
            return span
        }
    }

    /// Columns `start` through `finish` (1-based) as far as the line goes: a line cut short reads as
    /// blanks, and nothing is made for columns the line does not have.
    private func slice(_ start: Int, _ finish: Int) -> String {
        guard start >= 1, start <= columns.count else { return "" }
        return String(String.UnicodeScalarView(columns[(start - 1)..<min(finish, columns.count)]))
    }
}

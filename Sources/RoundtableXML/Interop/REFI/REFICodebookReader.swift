import Foundation
import RoundtableCore

/// Reads a REFI-QDA codebook (`.qdc`) as written by NVivo, ATLAS.ti, MAXQDA, QualCoder or Taguette:
/// leniently (no schema: some tools write files the schema refuses, such as an empty `<Sets/>`),
/// with structure checked here, and with a warning for whatever cannot be brought across.
public final class REFICodebookReader {
    private let reader: XMLStreamReader
    /// What was read but not brought across, or read leniently; after `read`.
    public private(set) var warnings: [String] = []

    /// Opens a `.qdc` file; compressed files, DOCTYPEs and files over `maxSize` are refused.
    public init(path: String, maxSize: Int64 = NativeFormat.defaultMaxSize) throws {
        reader = try XMLStreamReader(path: path, maxSize: maxSize, schema: nil)
    }

    /// A code read but not yet handed on: its description may still follow its start tag.
    private struct Pending {
        var entry: CodebookEntry
        var emitted = false
    }

    /// Every code, parents before children, with their GUIDs in canonical form.
    public func read() throws -> [CodebookEntry] {
        guard let first = try reader.next(), case .start("CodeBook") = first, reader.namespaceURI == REFICodebookWriter.namespace else {
            throw XMLInputError(file: reader.file, line: reader.line, column: reader.column,
                                message: "expected <CodeBook> in namespace \(REFICodebookWriter.namespace)")
        }
        var entries: [CodebookEntry] = []
        var stack: [Pending] = []
        var notCodable: [String] = []
        var tags = StartTagTally()
        func emitTop() {
            guard let top = stack.last, !top.emitted else { return }
            entries.append(top.entry)
            stack[stack.count - 1].emitted = true
        }
        while let node = try reader.next() {
            switch node {
            case .start("Code"):
                emitTop()
                let line = reader.line
                let occurrence = tags.occurrence(of: "Code", line: line)
                let a = reader.attributes()
                func located(_ message: String) -> XMLInputError {
                    reader.error(message, line: line, tag: "Code", occurrence: occurrence)
                }
                guard let name = a["name"], !name.isEmpty else { throw located("<Code> has no name attribute") }
                guard let text = a["guid"], !text.isEmpty else { throw located("<Code> has no guid attribute") }
                let path = (stack.last?.entry.path ?? []) + [name]
                guard let guid = GUID.normalized(text) else { throw located("'\(text)' is not a GUID") }
                if a["isCodable"] == "false" || a["isCodable"] == "0" { notCodable.append(path.joined(separator: "/")) }
                let entry = CodebookEntry(path: path, color: a["color"], guid: guid)
                try entry.check(reader, line: line, tag: "Code", occurrence: occurrence)
                stack.append(Pending(entry: entry))
                if reader.isEmptyElement {
                    emitTop()
                    stack.removeLast()
                }
            case .start("Description") where !stack.isEmpty:
                let line = reader.line
                let occurrence = tags.occurrence(of: "Description", line: line)
                let description = UnicodeText.trimmed(try reader.elementText())
                stack[stack.count - 1].entry.description = description.isEmpty ? nil : description
                try stack[stack.count - 1].entry.check(reader, line: line, tag: "Description", occurrence: occurrence)
            case .end("Code"):
                emitTop()
                stack.removeLast()
            case .start("Sets"):
                try readSets()
            case .start("Codes"), .end, .text:
                continue
            case .start(let name):
                warnings.append("\(reader.file):\(reader.line): <\(name)> is not brought across")
                try reader.skipElement()
            }
        }
        if !notCodable.isEmpty {
            warnings.append("\(reader.file): \(notCodable.count) codes marked not codable became ordinary codes: "
                            + notCodable.joined(separator: ", "))
        }
        return entries
    }

    private func readSets() throws {
        let line = reader.line
        var sets: [String] = []
        if !reader.isEmptyElement {
            while let node = try reader.next() {
                if case .end("Sets") = node { break }
                if case .start("Set") = node {
                    sets.append(reader.attributes()["name"] ?? "?")
                    try reader.skipElement()
                }
            }
        }
        warnings.append(sets.isEmpty
            ? "\(reader.file):\(line): empty <Sets/> (the REFI-QDA schema wants at least one <Set>); read anyway"
            : "\(reader.file):\(line): code sets are not brought across (Roundtable has none): " + sets.joined(separator: ", "))
    }
}

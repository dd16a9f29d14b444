import Foundation
import RoundtableCore

/// Reads a native codebook document (`<codebook>`), validating against the bundled XSD, into
/// entries by path, parents before children.
public final class CodebookReader {
    private let reader: XMLStreamReader
    private var warnings = WarningLog()

    /// Opens a codebook file.
    public init(path: String, maxSize: Int64 = NativeFormat.defaultMaxSize) throws {
        reader = try NativeDocument.open(path: path, maxSize: maxSize, warnings: &warnings)
    }

    /// Warnings about skipped content, after `read`.
    public var warningMessages: [String] { warnings.messages + reader.warnings.map(\.description) }

    /// Every code in file order; a parent must come before its children.
    public func read() throws -> [CodebookEntry] {
        _ = try NativeDocument.expectRoot("codebook", reader)
        let records = WorkspaceRecords(reader: reader)
        var paths: [Int64: [String]] = [:]
        var entries: [CodebookEntry] = []
        var tags = StartTagTally()
        while let node = try reader.next() {
            if let error = reader.takeErrors().first { throw error }
            guard case .start(let name) = node else { continue }
            guard name == "code", reader.isNativeNamespace else {
                warnings.skip(reader, what: "<\(name)> in <codebook>")
                try reader.skipElement()
                continue
            }
            let line = reader.line
            let occurrence = tags.occurrence(of: name, line: line)
            let guid = reader.attributes()["guid"]
            let code = try records.code()
            var path = [code.name]
            if let parent = code.parentId {
                guard let parentPath = paths[parent] else {
                    throw reader.error("code \(code.id ?? 0) names parent \(parent), which does not come before it",
                                       line: line, tag: name, occurrence: occurrence)
                }
                path = parentPath + path
            }
            if let id = code.id {
                guard paths[id] == nil else {
                    throw reader.error("code id \(id) is used twice", line: line, tag: name, occurrence: occurrence)
                }
                paths[id] = path
            }
            let entry = CodebookEntry(path: path, description: code.description, color: code.color, guid: guid)
            try entry.check(reader, line: line, tag: name, occurrence: occurrence)
            entries.append(entry)
        }
        if let error = reader.takeErrors().first { throw error }
        return entries
    }
}

extension CodebookEntry {
    /// Checks the entry as the store will, so that a bad code is reported where its start tag is
    /// (`occurrence`: how many `tag`s came before it on `line`).
    func check(_ reader: XMLStreamReader, line: Int, tag: String, occurrence: Int) throws {
        do {
            _ = try checked()
        } catch let error as RoundtableError {
            throw reader.error(error.message, line: line, tag: tag, occurrence: occurrence)
        }
    }
}

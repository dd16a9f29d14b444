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
        while let node = try reader.next() {
            if let error = reader.takeErrors().first { throw error }
            guard case .start(let name) = node else { continue }
            guard name == "code", reader.isNativeNamespace else {
                warnings.skip(reader, what: "<\(name)> in <codebook>")
                try reader.skipElement()
                continue
            }
            let line = reader.line
            let guid = reader.attributes()["guid"]
            let code = try records.code()
            var path = [code.name]
            if let parent = code.parentId {
                guard let parentPath = paths[parent] else {
                    throw XMLInputError(file: reader.file, line: line,
                                        message: "code \(code.id ?? 0) names parent \(parent), which does not come before it")
                }
                path = parentPath + path
            }
            if let id = code.id {
                guard paths[id] == nil else {
                    throw XMLInputError(file: reader.file, line: line, message: "code id \(id) is used twice")
                }
                paths[id] = path
            }
            entries.append(CodebookEntry(path: path, description: code.description, color: code.color, guid: guid))
        }
        if let error = reader.takeErrors().first { throw error }
        return entries
    }
}

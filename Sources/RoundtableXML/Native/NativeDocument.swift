import Foundation
import RoundtableCore

/// Opening native documents: strict validation for versions this program knows, lenient reading
/// (with warnings) for files written by a newer Roundtable.
enum NativeDocument {
    static func open(path: String, maxSize: Int64, warnings: inout WarningLog) throws -> XMLStreamReader {
        let version = try versionOnDisk(path, maxSize: maxSize)
        return try XMLStreamReader(path: path, maxSize: maxSize, schema: try schema(for: version, file: path, &warnings))
    }

    static func open(bytes: [UInt8], label: String, warnings: inout WarningLog) throws -> XMLStreamReader {
        let version = InputPrescan.rootVersion(Array(bytes.prefix(InputPrescan.window)))
        return try XMLStreamReader(bytes: bytes, label: label, schema: try schema(for: version, file: label, &warnings))
    }

    /// The schema a file at `path` is validated against: nil (with a warning) for a newer version.
    static func schema(forFileAt path: String, maxSize: Int64, warnings: inout WarningLog) throws -> XMLSchema? {
        try schema(for: try versionOnDisk(path, maxSize: maxSize), file: path, &warnings)
    }

    /// The schema a document held in memory is validated against: nil (with a warning) for a newer version.
    static func schema(forBytes bytes: [UInt8], label: String, warnings: inout WarningLog) throws -> XMLSchema? {
        try schema(for: InputPrescan.rootVersion(Array(bytes.prefix(InputPrescan.window))), file: label, &warnings)
    }

    /// Reads the root start tag and checks its name and namespace; returns its attributes.
    static func expectRoot(_ expected: String, _ reader: XMLStreamReader) throws -> XMLAttributes {
        guard let node = try reader.next(), case .start(let name) = node else {
            throw XMLInputError(file: reader.file, message: "the document has no root element")
        }
        let namespace = reader.namespaceURI ?? ""
        guard name == expected, namespace == NativeFormat.namespace else {
            throw wrongRoot(expected: expected, found: name, namespace: namespace, file: reader.file, line: reader.line,
                            column: reader.column)
        }
        return reader.attributes()
    }

    /// The error for a document whose root is not the native `<expected>`.
    static func wrongRoot(expected: String, found name: String, namespace: String, file: String, line: Int,
                          column: Int) -> XMLInputError {
        XMLInputError(file: file, line: line, column: column,
                      message: "expected <\(expected)> in namespace \(NativeFormat.namespace), found <\(name)>"
                          + (namespace.isEmpty ? " in no namespace" : " in namespace \(namespace)"))
    }

    private static func schema(for version: Int?, file: String, _ warnings: inout WarningLog) throws -> XMLSchema? {
        guard let version, version > NativeFormat.version else { return try XMLSchema.native() }
        warnings.add("\(file): written by a newer Roundtable (format version \(version)); reading what this version knows")
        return nil
    }

    /// The root's `version`, from the file's start (read through `InputFile`, so a stream is not consumed).
    private static func versionOnDisk(_ path: String, maxSize: Int64) throws -> Int? {
        InputPrescan.rootVersion(try InputFile.head(of: path, count: InputPrescan.window, maxSize: maxSize))
    }
}

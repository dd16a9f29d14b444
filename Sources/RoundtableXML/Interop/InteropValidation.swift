import Foundation
import RoundtableCore

/// Checks a file against another tool's schema on disk (ELAN's `EAFv3.0.xsd`, REFI-QDA's
/// `Codebook-mrt2019.xsd`, …), for tests and scripts; those schemas are not bundled with the program.
public enum InteropValidation {
    /// Every schema or well-formedness error in the file at `path` against the XSD at `schemaPath`,
    /// as `file:line: message`; empty when valid.
    public static func errors(inFile path: String, schemaPath: String) throws -> [String] {
        try errors(inFile: path, schema: compiled(schemaPath))
    }

    /// Every schema or well-formedness error in the file at `path` against `schema`.
    static func errors(inFile path: String, schema: XMLSchema) throws -> [String] {
        let reader = try XMLStreamReader(path: path, maxSize: .max, schema: schema)
        do {
            while try reader.next() != nil {}
        } catch let error as XMLInputError {
            let pending = reader.takeErrors()
            return (pending.isEmpty ? [error] : pending).map(\.description)
        }
        return reader.takeErrors().map(\.description)
    }

    /// The XSD at `path`, compiled.
    static func compiled(_ path: String) throws -> XMLSchema {
        guard let xsd = FileManager.default.contents(atPath: path) else {
            throw RoundtableError(.inputMissing, "\(path): cannot read the schema")
        }
        return try XMLSchema(xsd: xsd, label: PathName.lastComponent(of: path))
    }
}

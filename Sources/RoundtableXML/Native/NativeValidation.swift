import Foundation

/// Checks a file against the bundled native schema, for tests and scripts that want to know
/// whether an export is valid without reading it.
public enum NativeValidation {
    /// Every schema or well-formedness error in the file at `path`, as `file:line: message`; empty when valid.
    public static func errors(inFile path: String) throws -> [String] {
        let reader = try XMLStreamReader(path: path, maxSize: .max, schema: XMLSchema.native())
        do {
            while try reader.next() != nil {}
        } catch let error as XMLInputError {
            let pending = reader.takeErrors()
            return (pending.isEmpty ? [error] : pending).map(\.description)
        }
        return reader.takeErrors().map(\.description)
    }
}

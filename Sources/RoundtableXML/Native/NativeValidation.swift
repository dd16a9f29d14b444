import Foundation

/// Checks a file against the bundled native schema, for tests and scripts that want to know
/// whether an export is valid without reading it.
public enum NativeValidation {
    /// Every schema or well-formedness error in the file at `path`, as `file:line: message`; empty when valid.
    public static func errors(inFile path: String) throws -> [String] {
        try InteropValidation.errors(inFile: path, schema: XMLSchema.native())
    }
}

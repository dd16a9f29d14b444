import Foundation

extension TripleSReader {
    /// Reads and checks only the metadata at `path`, as `init` does before it looks for the data
    /// file; for tools that show a survey's variables, and for the fuzz targets.
    public static func metadata(path: String, maxSize: Int64 = NativeFormat.defaultMaxSize) throws -> TripleSMetadata {
        try TripleSMetadataReader.read(path: path, maxSize: maxSize)
    }
}

import Foundation
import RoundtableCore

/// Finding and opening the two files of a Triple-S survey: the `.sss` and its data beside it.
enum TripleSFiles {
    /// The whole of a small file, refused if missing, not a regular file, or over `maxSize` bytes.
    static func contents(of path: String, maxSize: Int64) throws -> [UInt8] {
        let size = try checkedSize(path, maxSize: maxSize)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw missing(path) }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: Int(size)) ?? Data()
        return [UInt8](data)
    }

    /// The size of a regular file, refusing it if over `maxSize` bytes.
    static func checkedSize(_ path: String, maxSize: Int64) throws -> Int64 {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { throw missing(path) }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw XMLInputError(file: path, message: "not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        guard size <= maxSize else {
            throw XMLInputError(file: path, message: "the file is \(size) bytes, over the \(maxSize)-byte limit (--max-size)")
        }
        return size
    }

    /// The data file for the metadata at `sssPath`: the same name with `.asc` or `.dat` (fixed
    /// width) or `.csv`, else the file the record's `href` names, looked for beside the `.sss`.
    static func dataPath(for sssPath: String, _ metadata: TripleSMetadata) throws -> String {
        let folder = PathName.folder(of: sssPath)
        let base = PathName.lastComponent(of: PathName.deletingExtension(of: sssPath))
        let extensions = metadata.layout == .csv ? ["csv", "CSV", "txt"] : ["asc", "ASC", "dat", "DAT"]
        var candidates = extensions.map { PathName.deletingExtension(of: sssPath) + "." + $0 }
        // An href is usually a path on the writer's machine (often Windows): only its name is used.
        if let name = metadata.href?.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last, name != ".", name != ".." {
            candidates.append(PathName.joining(folder, String(name)))
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        let looked = candidates.dropFirst().map { PathName.lastComponent(of: $0) }
        throw RoundtableError(.inputMissing, "\(candidates[0]): the data file for \(base).\(PathName.pathExtension(of: sssPath)) is missing "
            + "(also looked for \(looked.joined(separator: ", ")))")
    }

    private static func missing(_ path: String) -> RoundtableError {
        let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
        return RoundtableError(.inputMissing, "\(path): cannot read the file: \(reason)")
    }
}

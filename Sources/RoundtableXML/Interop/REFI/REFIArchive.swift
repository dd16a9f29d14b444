import Foundation
import RoundtableCore

/// The entries of a `.qdpx` archive: its project document and its source files, found in any case.
/// Entries are unpacked as streams under one `UnpackLimits` for the whole archive (`--max-size`
/// for each entry and for all together, and a ceiling on the compression ratio), so a zip bomb
/// or a header that lies about sizes is refused after a few megabytes.
final class REFIArchive {
    let file: String
    private let archive: ZipArchive
    private let limits: UnpackLimits
    /// Files under their lookup key (lower case, braces dropped, `Sources/` prefix removed), first one kept.
    private var sources: [String: ZipArchive.Entry] = [:]

    init(path: String, maxSize: Int64) throws {
        file = path
        archive = try ZipArchive(path: path, maxSize: maxSize)
        limits = UnpackLimits(file: path, maxSize: maxSize, archiveSize: archive.size)
        for entry in archive.entries where entry.isFile {
            let path = entry.path.replacingOccurrences(of: "\\", with: "/")
            let inside = path.lowercased().hasPrefix("sources/") ? String(path.dropFirst("sources/".count)) : path
            let key = Self.key(inside)
            if sources[key] == nil { sources[key] = entry }
        }
    }

    /// A reader over `project.qde` (any case, at the top of the archive), which libxml2 parses as
    /// it is unpacked: however large, it is never held whole, and a parse error stops the unpacking.
    func projectReader() throws -> XMLStreamReader {
        guard let entry = archive.entries.first(where: { $0.isFile && $0.path.lowercased() == "project.qde" }) else {
            throw XMLInputError(file: file, message: "the archive has no project.qde")
        }
        return try XMLStreamReader(source: try ZipEntryReader(entry, in: archive, limits: limits), label: "project.qde", schema: nil)
    }

    /// The bytes of a source file named by a `internal://` or `relative://` path, looked for under
    /// `Sources/` in any case, with the entry's path; nil when the archive does not hold it.
    func source(_ reference: String) throws -> (path: String, bytes: [UInt8])? {
        var name = reference
        for scheme in ["internal://", "relative://"] where name.lowercased().hasPrefix(scheme) {
            name = String(name.dropFirst(scheme.count))
        }
        guard let entry = sources[Self.key(name)] else { return nil }
        var bytes: [UInt8] = []
        try ZipEntryReader(entry, in: archive, limits: limits).forEachChunk { bytes.append(contentsOf: $0) }
        return (entry.path, bytes)
    }

    /// A file name compared case-insensitively, with braces around a GUID ignored.
    private static func key(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
    }
}

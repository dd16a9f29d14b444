import Foundation
import RoundtableCore
import ZIPFoundation

/// The entries of a `.qdpx` archive: its project document and its source files, found in any case.
struct REFIArchive {
    let file: String
    private let archive: Archive
    private let maxSize: Int64

    init(path: String, maxSize: Int64) throws {
        file = path
        self.maxSize = maxSize
        guard FileManager.default.fileExists(atPath: path) else {
            throw RoundtableError(.inputMissing, "\(path): cannot read the file")
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XMLInputError(file: path, message: "not a .qdpx (zip) archive: \(error)")
        }
    }

    /// The bytes of `project.qde` (any case, at the top of the archive).
    func project() throws -> [UInt8] {
        guard let entry = archive.first(where: { $0.type == .file && $0.path.lowercased() == "project.qde" }) else {
            throw XMLInputError(file: file, message: "the archive has no project.qde")
        }
        return try bytes(entry)
    }

    /// The bytes of a source file named by a `internal://` or `relative://` path, looked for under
    /// `Sources/` in any case; nil when the archive does not hold it.
    func source(_ reference: String) throws -> [UInt8]? {
        var name = reference
        for scheme in ["internal://", "relative://"] where name.lowercased().hasPrefix(scheme) {
            name = String(name.dropFirst(scheme.count))
        }
        let wanted = Self.key(name)
        let entry = archive.first { entry in
            guard entry.type == .file else { return false }
            let path = entry.path.replacingOccurrences(of: "\\", with: "/")
            let lower = path.lowercased()
            let inside = lower.hasPrefix("sources/") ? String(path.dropFirst("sources/".count)) : path
            return Self.key(inside) == wanted
        }
        return try entry.map(bytes)
    }

    /// A file name compared case-insensitively, with braces around a GUID ignored.
    private static func key(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
    }

    private func bytes(_ entry: Entry) throws -> [UInt8] {
        guard Int64(entry.uncompressedSize) <= maxSize else {
            throw XMLInputError(file: file, message: "\(entry.path) is larger than \(maxSize) bytes")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            // ZIPFoundation's errors (a damaged deflate stream or entry header) would reach the
            // user as exit 1 and a type name: a damaged entry is bad input like any other.
            throw XMLInputError(file: file, message: "\(entry.path) is damaged: its data cannot be read")
        }
        return [UInt8](data)
    }
}

import Foundation
import RoundtableCore

/// A zip archive opened for import, read defensively: the central directory gives the entries,
/// every size and offset in it is checked against the file before it is used, and entries are
/// unpacked by `ZipEntryStream`, which trusts no size the archive states.
final class ZipArchive {
    /// One file or folder in the archive, as its central directory describes it.
    struct Entry {
        /// The path inside the archive, `/`-separated as stored.
        let path: String
        /// A regular file (not a folder or a symbolic link).
        let isFile: Bool
        let method: UInt16
        let flags: UInt16
        let crc32: UInt32
        let compressedSize: Int64
        /// What the directory claims; checked against the bytes actually unpacked, never trusted.
        let uncompressedSize: Int64
        let localHeaderOffset: Int64
    }

    /// The largest central directory read: 16 MiB holds over a hundred thousand entries with long
    /// names, while a REFI project of a thousand sources needs about 100 kB.
    static let maxDirectorySize = 16 << 20

    /// The archive's path, used in errors.
    let file: String
    /// The archive's size in bytes.
    let size: Int64
    /// Every entry, in directory order.
    private(set) var entries: [Entry] = []
    private let descriptor: Int32
    /// Where the central directory starts: every entry's data must end before it.
    private var directoryStart: Int64 = 0

    /// What the archive should be, for errors: ".qdpx" or ".docx".
    let kind: String

    /// Opens `path` (a stream is copied once to a file) of at most `maxSize` bytes, and reads its central directory.
    init(path: String, maxSize: Int64, kind: String = ".qdpx") throws {
        file = path
        self.kind = kind
        // Through InputFile: a missing or unreadable file is exit 66 naming it, and a pipe or `-`
        // is copied once into a file this reader can seek in.
        let fd = try InputFile.open(path, maxSize: maxSize)
        descriptor = fd
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw SystemError.inputError(path, errno)
        }
        size = Int64(info.st_size)
        guard size <= maxSize else {
            close(fd)
            throw XMLInputError(file: path, message: "the file is \(size) bytes, over the \(maxSize)-byte limit (--max-size)")
        }
        do {
            try readDirectory()
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(descriptor) }

    func problem(_ message: String) -> XMLInputError {
        XMLInputError(file: file, message: "not a usable \(kind) (zip) archive: \(message)")
    }

    /// `count` bytes at `offset`, all of which must lie inside the file.
    func bytes(at offset: Int64, count: Int) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= size, Int64(count) <= size - offset else {
            throw problem("a record points past the end of the file")
        }
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return 0 }
                return pread(descriptor, base + done, count - done, off_t(offset) + off_t(done))
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw problem("the file could not be read: \(String(cString: strerror(errno)))") }
            done += got
        }
        return buffer
    }

    /// Reads up to `buffer.count` bytes at `offset` into `buffer`; the caller keeps inside the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        while true {
            let got = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw problem("the file could not be read: \(String(cString: strerror(errno)))") }
            return got
        }
    }

    /// Where an entry's stored bytes start; they must end before the central directory.
    func dataOffset(of entry: Entry) throws -> Int64 {
        let header = try bytes(at: entry.localHeaderOffset, count: 30)
        guard header.uint32(at: 0) == 0x0403_4B50 else { throw problem("\(entry.path): no local header where the directory says") }
        let start = entry.localHeaderOffset + 30 + Int64(header.uint16(at: 26)) + Int64(header.uint16(at: 28))
        guard entry.compressedSize <= directoryStart - start else {
            throw problem("\(entry.path): its \(entry.compressedSize) stored bytes run past the data area")
        }
        return start
    }

    private func readDirectory() throws {
        let tailCount = Int(min(size, 22 + 0xFFFF))
        let tail = try bytes(at: size - Int64(tailCount), count: tailCount)
        // The end record is the last signature whose comment fits in what follows it.
        guard let end = stride(from: tailCount - 22, through: 0, by: -1).first(where: { index in
            tail.uint32(at: index) == 0x0605_4B50 && index + 22 + Int(tail.uint16(at: index + 20)) <= tailCount
        }) else { throw problem("no end-of-directory record (not a zip file, or cut short)") }
        let endOffset = size - Int64(tailCount) + Int64(end)
        guard tail.uint16(at: end + 4) == 0, tail.uint16(at: end + 6) == 0 else { throw problem("split archives are not supported") }
        var count = Int64(tail.uint16(at: end + 10))
        var directorySize = Int64(tail.uint32(at: end + 12))
        var directoryOffset = Int64(tail.uint32(at: end + 16))
        var directoryEnd = endOffset
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            (count, directorySize, directoryOffset, directoryEnd) = try zip64End(before: endOffset)
        }
        guard directoryOffset >= 0, directorySize >= 0, directorySize <= directoryEnd - directoryOffset else {
            throw problem("the central directory lies outside the file")
        }
        guard directorySize <= Self.maxDirectorySize else {
            throw problem("the central directory is \(directorySize) bytes, over \(Self.maxDirectorySize)")
        }
        directoryStart = directoryOffset
        let directory = try bytes(at: directoryOffset, count: Int(directorySize))
        var at = 0
        // Each record takes at least 46 bytes, so the count cannot make this loop outrun the directory.
        guard count <= Int64(directory.count / 46) else { throw problem("the directory claims \(count) entries") }
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            entries.append(try entry(directory, at: &at))
        }
    }

    private func zip64End(before endOffset: Int64) throws -> (Int64, Int64, Int64, Int64) {
        guard endOffset >= 20 else { throw problem("no zip64 locator") }
        let locator = try bytes(at: endOffset - 20, count: 20)
        guard locator.uint32(at: 0) == 0x0706_4B50 else { throw problem("no zip64 locator") }
        let recordOffset = try Self.int64(locator.uint64(at: 8), problem)
        guard recordOffset <= endOffset - 20 - 56 else { throw problem("the zip64 end record lies outside the file") }
        let record = try bytes(at: recordOffset, count: 56)
        guard record.uint32(at: 0) == 0x0606_4B50 else { throw problem("no zip64 end record where the locator says") }
        guard record.uint32(at: 16) == 0, record.uint32(at: 20) == 0 else { throw problem("split archives are not supported") }
        return (try Self.int64(record.uint64(at: 32), problem), try Self.int64(record.uint64(at: 40), problem),
                try Self.int64(record.uint64(at: 48), problem), recordOffset)
    }

    private func entry(_ directory: [UInt8], at: inout Int) throws -> Entry {
        guard at <= directory.count - 46, directory.uint32(at: at) == 0x0201_4B50 else {
            throw problem("the central directory is damaged")
        }
        let nameLength = Int(directory.uint16(at: at + 28))
        let extraLength = Int(directory.uint16(at: at + 30))
        let commentLength = Int(directory.uint16(at: at + 32))
        let next = at + 46 + nameLength + extraLength + commentLength
        guard next <= directory.count else { throw problem("the central directory is damaged") }
        let nameBytes = Array(directory[(at + 46)..<(at + 46 + nameLength)])
        // Names are UTF-8 from every REFI tool; anything else is kept byte for byte, so it matches nothing.
        let path = String(validating: nameBytes, as: UTF8.self)
            ?? String(String.UnicodeScalarView(nameBytes.map { Unicode.Scalar($0) }))
        var compressed = UInt64(directory.uint32(at: at + 20))
        var uncompressed = UInt64(directory.uint32(at: at + 24))
        var local = UInt64(directory.uint32(at: at + 42))
        var extra = at + 46 + nameLength
        let extraEnd = extra + extraLength
        while extra + 4 <= extraEnd {
            let (id, length) = (directory.uint16(at: extra), Int(directory.uint16(at: extra + 2)))
            guard extra + 4 + length <= extraEnd else { break }
            if id == 0x0001 {
                // The zip64 field holds, in this order, only the sizes the record left at 0xFFFFFFFF.
                var field = extra + 4
                let fieldEnd = extra + 4 + length
                func widen(_ value: inout UInt64) {
                    guard value == 0xFFFF_FFFF, field + 8 <= fieldEnd else { return }
                    value = directory.uint64(at: field)
                    field += 8
                }
                widen(&uncompressed)
                widen(&compressed)
                widen(&local)
            }
            extra += 4 + length
        }
        let madeOnUnix = directory[at + 5] == 3
        let mode = directory.uint32(at: at + 38) >> 16
        let special = madeOnUnix && (mode & UInt32(S_IFMT) == UInt32(S_IFLNK) || mode & UInt32(S_IFMT) == UInt32(S_IFDIR))
        defer { at = next }
        return Entry(path: path, isFile: !path.hasSuffix("/") && !special, method: directory.uint16(at: at + 10),
                     flags: directory.uint16(at: at + 8), crc32: directory.uint32(at: at + 16),
                     compressedSize: try Self.int64(compressed, problem), uncompressedSize: try Self.int64(uncompressed, problem),
                     localHeaderOffset: try Self.int64(local, problem))
    }

    private static func int64(_ value: UInt64, _ problem: (String) -> XMLInputError) throws -> Int64 {
        guard value <= UInt64(Int64.max) else { throw problem("a size or offset is out of range") }
        return Int64(value)
    }
}

extension [UInt8] {
    /// Little-endian integers at a byte offset the caller has checked.
    func uint16(at index: Int) -> UInt16 { UInt16(self[index]) | UInt16(self[index + 1]) << 8 }
    func uint32(at index: Int) -> UInt32 { UInt32(uint16(at: index)) | UInt32(uint16(at: index + 2)) << 16 }
    func uint64(at index: Int) -> UInt64 { UInt64(uint32(at: index)) | UInt64(uint32(at: index + 4)) << 32 }
}

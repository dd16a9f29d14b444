import Foundation
internal import CLibXML2

/// One archive entry unpacked as it is read: exactly its stored bytes are read (they must lie
/// before the central directory), inflated with zlib, and counted against the archive's
/// `UnpackLimits`. An entry that unpacks to more or fewer bytes than its header declares, whose
/// checksum differs, or whose compressed data ends early is refused: nothing here loops or
/// allocates on a size the archive states.
final class ZipEntryReader: ByteSource {
    /// How much compressed data is read from the file at a time.
    static let chunkSize = 64 << 10

    private let archive: ZipArchive
    private let entry: ZipArchive.Entry
    private let limits: UnpackLimits
    private let start: Int64
    /// Compressed bytes read from the file so far, and bytes handed out.
    private var consumed: Int64 = 0
    private var produced: Int64 = 0
    private var checksum = crc32(0, nil, 0)
    private var ended = false
    private var finished = false
    /// zlib keeps a pointer back to its stream, so the stream lives at one address.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer

    init(_ entry: ZipArchive.Entry, in archive: ZipArchive, limits: UnpackLimits) throws {
        self.archive = archive
        self.entry = entry
        self.limits = limits
        guard entry.flags & 1 == 0 else { throw archive.problem("\(entry.path) is encrypted") }
        guard entry.method == 0 || entry.method == 8 else {
            throw archive.problem("\(entry.path) uses compression method \(entry.method); only stored and deflated entries are read")
        }
        start = try archive.dataOffset(of: entry)
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 8)
        // From here deinit runs on a throw, and inflateEnd ignores a stream that never started.
        guard entry.method == 0 || roundtable_inflateInitRaw(stream) == Z_OK else { throw archive.problem("zlib could not be started") }
    }

    deinit {
        if entry.method == 8 { inflateEnd(stream) }
        stream.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var filled = 0
        while filled == 0 {
            if entry.method == 0 {
                guard consumed < entry.compressedSize else { return try finish() }
                let want = Int(min(Int64(buffer.count), entry.compressedSize - consumed))
                filled = try archive.read(into: UnsafeMutableRawBufferPointer(start: base, count: want), at: start + consumed)
                consumed += Int64(filled)
            } else {
                guard !ended else { return try finish() }
                if stream.pointee.avail_in == 0 { try refill() }
                stream.pointee.next_out = base.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(buffer.count)
                switch inflate(stream, Z_NO_FLUSH) {
                case Z_OK: break
                case Z_STREAM_END: ended = true
                case Z_BUF_ERROR where stream.pointee.avail_in == 0: break
                default: throw archive.problem("\(entry.path): the compressed data is damaged")
                }
                filled = buffer.count - Int(stream.pointee.avail_out)
            }
        }
        produced += Int64(filled)
        guard produced <= entry.uncompressedSize else {
            throw archive.problem("\(entry.path) unpacks to more than the \(entry.uncompressedSize) bytes its header declares")
        }
        // What zlib actually took, not what was read ahead: a bomb is caught within its first few kilobytes.
        try limits.add(filled, entry: entry.path, produced: produced,
                       consumed: entry.method == 0 ? produced : Int64(stream.pointee.total_in))
        checksum = crc32(checksum, base.assumingMemoryBound(to: Bytef.self), uInt(filled))
        return filled
    }

    /// Every byte, chunk by chunk, into `consume`.
    func forEachChunk(_ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = try read(into: buffer)
            if count == 0 { return }
            try consume(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    private func refill() throws {
        guard consumed < entry.compressedSize, let base = input.baseAddress else {
            throw archive.problem("\(entry.path): the compressed data ends early (cut short or damaged)")
        }
        let want = Int(min(Int64(input.count), entry.compressedSize - consumed))
        let got = try archive.read(into: UnsafeMutableRawBufferPointer(start: base, count: want), at: start + consumed)
        consumed += Int64(got)
        stream.pointee.next_in = base.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(got)
    }

    private func finish() throws -> Int {
        finished = true
        guard produced == entry.uncompressedSize else {
            throw archive.problem("\(entry.path) holds \(produced) bytes, but its header declares \(entry.uncompressedSize)")
        }
        guard UInt32(truncatingIfNeeded: checksum) == entry.crc32 else { throw archive.problem("\(entry.path) is damaged (CRC-32 mismatch)") }
        return 0
    }
}

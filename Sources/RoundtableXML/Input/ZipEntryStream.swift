import Foundation
internal import CLibXML2

extension ZipArchive {
    /// The size of the chunks read from the archive and handed on.
    static let chunkSize = 64 << 10

    /// Unpacks `entry` chunk by chunk into `consume`, reading exactly its stored bytes (which must
    /// lie before the central directory) and counting what comes out against `limits`. An entry
    /// that unpacks to more or less than its header declares, whose checksum differs, or whose
    /// compressed data ends early, is refused: nothing here loops or allocates on a stated size.
    func unpack(_ entry: Entry, limits: inout UnpackLimits, _ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard entry.flags & 1 == 0 else { throw problem("\(entry.path) is encrypted") }
        let start = try dataOffset(of: entry)
        var checksum = crc32(0, nil, 0)
        var produced: Int64 = 0
        func emit(_ chunk: UnsafeRawBufferPointer, consumed: Int64) throws {
            guard chunk.count > 0, let base = chunk.baseAddress else { return }
            produced += Int64(chunk.count)
            guard produced <= entry.uncompressedSize else {
                throw problem("\(entry.path) unpacks to more than the \(entry.uncompressedSize) bytes its header declares")
            }
            try limits.add(chunk.count, entry: entry.path, produced: produced, consumed: consumed)
            checksum = crc32(checksum, base.assumingMemoryBound(to: Bytef.self), uInt(chunk.count))
            try consume(chunk)
        }
        switch entry.method {
        case 0: try copyStored(entry, from: start, emit)
        case 8: try inflate(entry, from: start, emit)
        default: throw problem("\(entry.path) uses compression method \(entry.method); only stored and deflated entries are read")
        }
        guard produced == entry.uncompressedSize else {
            throw problem("\(entry.path) holds \(produced) bytes, but its header declares \(entry.uncompressedSize)")
        }
        guard UInt32(truncatingIfNeeded: checksum) == entry.crc32 else { throw problem("\(entry.path) is damaged (CRC-32 mismatch)") }
    }

    private func copyStored(_ entry: Entry, from start: Int64,
                            _ emit: (UnsafeRawBufferPointer, Int64) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var offset: Int64 = 0
        while offset < entry.compressedSize {
            let want = Int(min(Int64(buffer.count), entry.compressedSize - offset))
            try buffer.withUnsafeMutableBytes { raw in
                let got = try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[..<want]), at: start + offset)
                offset += Int64(got)
                try emit(UnsafeRawBufferPointer(rebasing: raw[..<got]), offset)
            }
        }
    }

    private func inflate(_ entry: Entry, from start: Int64, _ emit: (UnsafeRawBufferPointer, Int64) throws -> Void) throws {
        var stream = z_stream()
        guard roundtable_inflateInitRaw(&stream) == Z_OK else { throw problem("zlib could not be started") }
        defer { inflateEnd(&stream) }
        var input = [UInt8](repeating: 0, count: Self.chunkSize)
        var output = [UInt8](repeating: 0, count: Self.chunkSize)
        var offset: Int64 = 0
        var ended = false
        while !ended {
            guard offset < entry.compressedSize else {
                throw problem("\(entry.path): the compressed data ends early (cut short or damaged)")
            }
            let want = Int(min(Int64(input.count), entry.compressedSize - offset))
            try input.withUnsafeMutableBytes { raw in
                let got = try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[..<want]), at: start + offset)
                offset += Int64(got)
                stream.next_in = raw.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(got)
                var stalled = false
                // inflate stops when its input is used up or its output is full; go on until the first.
                while !ended && !stalled && (stream.avail_in > 0 || stream.avail_out == 0) {
                    try output.withUnsafeMutableBytes { out in
                        stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                        stream.avail_out = uInt(out.count)
                        switch CLibXML2.inflate(&stream, Z_NO_FLUSH) {
                        case Z_OK: break
                        case Z_STREAM_END: ended = true
                        case Z_BUF_ERROR: stalled = true
                        default: throw problem("\(entry.path): the compressed data is damaged")
                        }
                        let count = out.count - Int(stream.avail_out)
                        try emit(UnsafeRawBufferPointer(rebasing: out[..<count]), Int64(stream.total_in))
                    }
                }
                stream.next_in = nil
                stream.avail_in = 0
            }
        }
    }
}

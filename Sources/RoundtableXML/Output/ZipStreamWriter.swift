import Foundation
internal import CLibXML2
import RoundtableCore

/// Writes a zip archive front to back, never seeking: each entry is deflated as its bytes arrive,
/// and its checksum and sizes follow it in a data descriptor (general-purpose bit 3), so no entry
/// is ever held whole and the archive can go to a pipe. Archives stay under 4 GiB (no zip64).
final class ZipStreamWriter {
    /// zlib's fastest level: a 100k-turn transcript deflates in a tenth of the time level 6 takes,
    /// and the archive is about a tenth larger.
    static let level: Int32 = 1
    private static let chunkSize = 128 << 10

    private struct Written {
        let name: [UInt8]
        let offset: UInt32
        let crc: UInt32
        let compressed: UInt32
        let size: UInt32
    }

    private let output: OutputFile
    private let time: UInt16
    private let date: UInt16
    private var offset: Int64 = 0
    private var entries: [Written] = []
    // Touched for every byte written, as in XMLByteWriter.
    @exclusivity(unchecked) private var pending: [UInt8] = []
    @exclusivity(unchecked) private var input: [UInt8] = []
    private var open: (name: [UInt8], offset: Int64)?
    private var crc: UInt = 0
    private var size: Int64 = 0
    private var compressed: Int64 = 0
    /// zlib keeps a pointer back to its stream, so the stream lives at one address.
    private let stream: UnsafeMutablePointer<z_stream>
    private let out: UnsafeMutableRawBufferPointer
    private var started = false

    /// Writes into `output`, every entry dated `modified` (local time, as zip dates are).
    init(output: OutputFile, modified: Date) {
        self.output = output
        var seconds = time_t(modified.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&seconds, &parts)
        let year = max(0, Int(parts.tm_year) + 1900 - 1980)
        time = UInt16(parts.tm_hour) << 11 | UInt16(parts.tm_min) << 5 | UInt16(parts.tm_sec / 2)
        date = UInt16(min(year, 127)) << 9 | UInt16(parts.tm_mon + 1) << 5 | UInt16(parts.tm_mday)
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        out = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 8)
        pending.reserveCapacity(Self.chunkSize + 4096)
        input.reserveCapacity(Self.chunkSize + 4096)
    }

    deinit {
        if started { deflateEnd(stream) }
        stream.deallocate()
        out.deallocate()
    }

    /// Starts the entry `path` (UTF-8); its bytes follow with `write`, and `endEntry` closes it.
    func beginEntry(_ path: String) throws {
        precondition(open == nil, "an entry is still open")
        let name = Array(path.utf8)
        open = (name, offset)
        (crc, size, compressed) = (crc32(0, nil, 0), 0, 0)
        if started {
            guard deflateReset(stream) == Z_OK else { throw failure() }
        } else {
            // deflateInit2 is a macro; its function takes the version and the stream's size.
            guard deflateInit2_(stream, Self.level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw failure() }
            started = true
        }
        var header: [UInt8] = []
        header.le32(0x0403_4B50)
        header.le16(20)
        header.le16(Self.flags)
        header.le16(8)
        header.le16(time)
        header.le16(date)
        header.le32(0)
        header.le32(0)
        header.le32(0)
        header.le16(UInt16(name.count))
        header.le16(0)
        header.append(contentsOf: name)
        try emit(header)
    }

    /// Appends `bytes` to the open entry.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        input.append(contentsOf: bytes)
        if input.count >= Self.chunkSize { try compressInput(flush: Z_NO_FLUSH) }
    }

    /// Appends the UTF-8 of `text` to the open entry.
    func write(_ text: String) throws {
        var text = text
        text.withUTF8 { input.append(contentsOf: $0) }
        if input.count >= Self.chunkSize { try compressInput(flush: Z_NO_FLUSH) }
    }

    /// Appends one byte to the open entry.
    func write(byte: UInt8) throws {
        input.append(byte)
        if input.count >= Self.chunkSize { try compressInput(flush: Z_NO_FLUSH) }
    }

    // Lines arrive a few dozen bytes at a time: zlib and the checksum see them in large chunks.
    private func compressInput(flush: Int32) throws {
        try input.withUnsafeBytes { bytes in
            if bytes.count > 0 {
                crc = crc32(crc, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
            }
            size += Int64(bytes.count)
            try compress(bytes, flush: flush)
        }
        input.removeAll(keepingCapacity: true)
    }

    /// Ends the open entry: the rest of its deflate stream, then its data descriptor.
    func endEntry() throws {
        guard let entry = open else { return }
        try compressInput(flush: Z_FINISH)
        guard size <= 0xFFFF_FFFF, compressed <= 0xFFFF_FFFF, entry.offset <= 0xFFFF_FFFF else { throw tooLarge() }
        var descriptor: [UInt8] = []
        descriptor.le32(0x0807_4B50)
        descriptor.le32(UInt32(crc))
        descriptor.le32(UInt32(compressed))
        descriptor.le32(UInt32(size))
        try emit(descriptor)
        entries.append(Written(name: entry.name, offset: UInt32(entry.offset), crc: UInt32(crc),
                               compressed: UInt32(compressed), size: UInt32(size)))
        open = nil
    }

    /// Writes the central directory and the end record, and flushes; the caller commits the file.
    func finish() throws {
        try endEntry()
        let start = offset
        var directory: [UInt8] = []
        for entry in entries {
            directory.le32(0x0201_4B50)
            directory.le16(3 << 8 | 20)  // made on Unix, so the mode below is read
            directory.le16(20)
            directory.le16(Self.flags)
            directory.le16(8)
            directory.le16(time)
            directory.le16(date)
            directory.le32(entry.crc)
            directory.le32(entry.compressed)
            directory.le32(entry.size)
            directory.le16(UInt16(entry.name.count))
            directory.le16(0)
            directory.le16(0)
            directory.le16(0)
            directory.le16(0)
            directory.le32(UInt32(0o100644) << 16)
            directory.le32(entry.offset)
            directory.append(contentsOf: entry.name)
        }
        try emit(directory)
        guard start <= 0xFFFF_FFFF, entries.count < 0xFFFF else { throw tooLarge() }
        var end: [UInt8] = []
        end.le32(0x0605_4B50)
        end.le16(0)
        end.le16(0)
        end.le16(UInt16(entries.count))
        end.le16(UInt16(entries.count))
        end.le32(UInt32(directory.count))
        end.le32(UInt32(start))
        end.le16(0)
        try emit(end)
        try flush()
    }

    /// Data descriptor follows (bit 3); names are UTF-8 (bit 11).
    private static let flags: UInt16 = 1 << 3 | 1 << 11

    private func compress(_ input: UnsafeRawBufferPointer, flush: Int32) throws {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        repeat {
            stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(out.count)
            let status = CLibXML2.deflate(stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { throw failure() }
            let produced = out.count - Int(stream.pointee.avail_out)
            compressed += Int64(produced)
            try emit(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(out)[0..<produced]))
            if flush == Z_FINISH && status == Z_STREAM_END { return }
        } while stream.pointee.avail_out == 0 || (flush == Z_FINISH)
    }

    private func emit(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try emit($0) }
    }

    private func emit(_ bytes: UnsafeRawBufferPointer) throws {
        offset += Int64(bytes.count)
        pending.append(contentsOf: bytes)
        if pending.count >= Self.chunkSize { try flush() }
    }

    private func flush() throws {
        try pending.withUnsafeBytes { try output.write($0) }
        pending.removeAll(keepingCapacity: true)
    }

    private func failure() -> RoundtableError {
        RoundtableError(.cannotCreateOutput, "cannot write \(output.destination): zlib failed")
    }

    private func tooLarge() -> RoundtableError {
        RoundtableError(.cannotCreateOutput, "cannot write \(output.destination): the archive would pass 4 GiB")
    }
}

extension [UInt8] {
    /// Appends little-endian integers, as zip records hold them.
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func le32(_ value: UInt32) {
        le16(UInt16(value & 0xFFFF))
        le16(UInt16(value >> 16))
    }
}

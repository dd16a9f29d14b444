import Foundation

/// The data file of a Triple-S survey, read a line at a time from a memory map. Its encoding is
/// its byte-order mark's, else the metadata's (but a UTF-16 `.sss` often comes with an ASCII `.asc`:
/// data without a BOM and without NUL bytes then reads as UTF-8). CRLF and LF both end a line.
struct TripleSDataFile {
    let path: String
    private let data: Data
    let encoding: TripleSEncoding
    private let start: Int

    init(path: String, metadataEncoding: TripleSEncoding, maxSize: Int64) throws {
        _ = try TripleSFiles.checkedSize(path, maxSize: maxSize)
        self.path = path
        data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        let head = [UInt8](data.prefix(4))
        switch true {
        case head.starts(with: [0xFF, 0xFE]): (encoding, start) = (.utf16LE, 2)
        case head.starts(with: [0xFE, 0xFF]): (encoding, start) = (.utf16BE, 2)
        case head.starts(with: [0xEF, 0xBB, 0xBF]): (encoding, start) = (.utf8, 3)
        case head.count >= 2 && head[1] == 0 && head[0] != 0: (encoding, start) = (.utf16LE, 0)
        case head.count >= 2 && head[0] == 0 && head[1] != 0: (encoding, start) = (.utf16BE, 0)
        case metadataEncoding == .utf16LE || metadataEncoding == .utf16BE: (encoding, start) = (.utf8, 0)
        default: (encoding, start) = (metadataEncoding, 0)
        }
    }

    /// The length of the longest line without its line end, in code units (bytes, or UTF-16
    /// units): never fewer than the characters it holds. One pass with `memchr` over the mapped file.
    func longestLine() -> Int {
        let width = encoding == .utf16LE || encoding == .utf16BE ? 2 : 1
        // In UTF-16 the newline's byte 0x0A sits at an even offset (LE) or odd (BE) within the line.
        let phase = encoding == .utf16BE ? 1 : 0
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int in
            guard let base = raw.baseAddress, raw.count > start else { return 0 }
            var longest = 0
            var lineStart = start
            var from = start
            while from < raw.count {
                guard let found = memchr(base + from, 0x0A, raw.count - from) else { break }
                let at = base.distance(to: UnsafeRawPointer(found))
                from = at + 1
                guard (at - start) % width == phase else { continue }
                // The newline's other byte is 0 (U+000A), else 0x0A is half of another character.
                if width == 2, raw[phase == 0 ? min(at + 1, raw.count - 1) : at - 1] != 0 { continue }
                var end = at - phase
                if end - lineStart >= width, isCarriageReturn(raw.bindMemory(to: UInt8.self), end - width) { end -= width }
                longest = max(longest, (end - lineStart) / width)
                lineStart = at - phase + width
            }
            return max(longest, (raw.count - lineStart) / width)
        }
    }

    /// Calls `handle` with each line's 1-based number and text (without its line end), or with
    /// nil text when the line's bytes are not valid in the file's encoding.
    func lines(_ handle: (Int, String?) throws -> Void) throws {
        let width = encoding == .utf16LE || encoding == .utf16BE ? 2 : 1
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = start
            var index = start
            var number = 0
            func isNewline(_ at: Int) -> Bool {
                switch encoding {
                case .utf16LE: bytes[at] == 0x0A && bytes[at + 1] == 0
                case .utf16BE: bytes[at] == 0 && bytes[at + 1] == 0x0A
                default: bytes[at] == 0x0A
                }
            }
            let end = bytes.count - (bytes.count - start) % width
            while lineStart < end {
                while index < end && !isNewline(index) { index += width }
                number += 1
                var lineEnd = index
                if lineEnd - lineStart >= width && isCarriageReturn(bytes, lineEnd - width) { lineEnd -= width }
                try handle(number, decode(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])))
                index += width
                lineStart = index
            }
        }
    }

    private func isCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        switch encoding {
        case .utf16LE: bytes[at] == 0x0D && bytes[at + 1] == 0
        case .utf16BE: bytes[at] == 0 && bytes[at + 1] == 0x0D
        default: bytes[at] == 0x0D
        }
    }

    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        switch encoding {
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        case .latin1:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .windows1252:
            return String(data: Data(bytes), encoding: .windowsCP1252)
        case .utf16LE, .utf16BE:
            let (high, low) = encoding == .utf16LE ? (1, 0) : (0, 1)
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            for offset in stride(from: 0, to: bytes.count - 1, by: 2) {
                units.append(UInt16(bytes[offset + high]) << 8 | UInt16(bytes[offset + low]))
            }
            return String(validating: units, as: UTF16.self)
        }
    }

    /// The fields of one CSV line: comma-separated, `"` quoting with `""` for a quote inside.
    static func csvFields(_ line: String) throws -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = line.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && field.allSatisfy(\.isWhitespace) {
                field = ""
                quoted = true
            } else if scalar == "," {
                fields.append(field)
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted else { throw TripleSRowError(message: "a quoted field is not closed on its line") }
        fields.append(field)
        return fields
    }
}

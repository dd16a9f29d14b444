import Foundation

extension XMLStreamReader {
    /// An error about the start tag found by `startTagColumn`, at its line and column.
    func error(_ message: String, line: Int, tag: String, occurrence: Int) -> XMLInputError {
        XMLInputError(file: file, line: line, column: startTagColumn(line: line, localName: tag, occurrence: occurrence),
                      message: message)
    }

    /// The 1-based column (in characters) where a start tag on `line` begins, read back from the
    /// document: libxml2 2.9 keeps no column per node, and its parser's column runs ahead of the
    /// reader by a chunk. `occurrence` counts the tags named `localName` (any prefix) before it on
    /// that line. 0 when the bytes do not show it (a UTF-16 document, a line too long to look at).
    func startTagColumn(line: Int, localName: String, occurrence: Int) -> Int {
        guard line > 0, var text = bytes(ofLine: line) else { return 0 }
        // A byte order mark is no column.
        if line == 1, text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        let name = Array(localName.utf8)
        var seen = 0
        for index in text.indices where text[index] == UInt8(ascii: "<") {
            var start = index + 1
            var end = start
            while end < text.count, Self.isNameByte(text[end]) { end += 1 }
            if end < text.count, text[end] == UInt8(ascii: ":") { start = end + 1 }
            let after = start + name.count
            guard after <= text.count, text[start..<after].elementsEqual(name),
                  after == text.count || !Self.isNameByte(text[after]) && text[after] != UInt8(ascii: ":")
            else { continue }
            if seen == occurrence {
                // Characters, not bytes: count every byte but UTF-8 continuation bytes.
                return 1 + text[..<index].count { $0 & 0xC0 != 0x80 }
            }
            seen += 1
        }
        return 0
    }

    /// The bytes of one 1-based line of the document, without its line break; nil past the end or
    /// when the line is longer than `longestLine`.
    private func bytes(ofLine wanted: Int) -> [UInt8]? {
        var currentLine = 1
        var text: [UInt8] = []
        var found = false
        let scan = { (chunk: UnsafeRawBufferPointer) -> Bool in
            for byte in chunk {
                if byte == UInt8(ascii: "\n") {
                    if currentLine == wanted { found = true; return false }
                    currentLine += 1
                } else if currentLine == wanted {
                    guard text.count < Self.longestLine else { return false }
                    text.append(byte)
                }
            }
            return true
        }
        if let memory {
            _ = scan(UnsafeRawBufferPointer(memory))
        } else if fileDescriptor >= 0 {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            var offset: off_t = 0
            while true {
                let got = buffer.withUnsafeMutableBytes { pread(fileDescriptor, $0.baseAddress, $0.count, offset) }
                guard got > 0 else { break }
                offset += off_t(got)
                guard buffer.withUnsafeBytes({ scan(UnsafeRawBufferPointer(rebasing: $0.prefix(got))) }) else { break }
            }
        } else {
            return nil
        }
        guard found || (currentLine == wanted && !text.isEmpty), text.count < Self.longestLine else { return nil }
        return text
    }

    private static let longestLine = 1 << 20

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), 0x80...:
            true
        default:
            false
        }
    }
}

/// Counts the start tags a reader has met on its current line, by name, so that the one an error
/// is about can be found again on that line (`XMLStreamReader.startTagColumn`).
struct StartTagTally {
    private var line = 0
    private var counts: [String: Int] = [:]

    /// How many tags named `name` came before this one on `line`; counts this one.
    mutating func occurrence(of name: String, line: Int) -> Int {
        if line != self.line {
            self.line = line
            counts = [:]
        }
        defer { counts[name, default: 0] += 1 }
        return counts[name, default: 0]
    }
}

import Foundation

/// Looks at the first bytes of an input before libxml2 sees any of it: refuses compressed files and
/// any DOCTYPE (so no entity or DTD is ever declared, let alone expanded).
enum InputPrescan {
    /// How many leading bytes are inspected; the prolog of a real file is far shorter.
    static let window = 64 * 1024

    /// Throws if `prefix` (the start of the input) is compressed, empty or declares a DOCTYPE.
    static func check(_ prefix: [UInt8], file: String) throws {
        guard !prefix.isEmpty else { throw XMLInputError(file: file, message: "the file is empty") }
        if let format = compressedFormat(prefix) {
            throw XMLInputError(file: file, line: 1, column: 1,
                                message: "this is a \(format) file; unpack it first (compressed input is never opened)")
        }
        switch scanProlog(decodedPrefix(prefix)) {
        case .rootElement:
            return
        case .doctype(let line, let column):
            throw XMLInputError(file: file, line: line, column: column,
                                message: "DOCTYPE declarations are not accepted (no DTDs or entities in imported files)")
        case .unfinished where prefix.count >= window:
            throw XMLInputError(file: file, message: "no root element in the first \(window / 1024) KiB")
        case .unfinished:
            return  // a truncated or non-XML file: libxml2 reports it with its position
        }
    }

    enum Prolog: Equatable {
        case rootElement
        case doctype(line: Int, column: Int)
        case unfinished
    }

    static func compressedFormat(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x1F, 0x8B]) { return "gzip" }
        if bytes.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "xz" }
        if bytes.starts(with: [0x42, 0x5A, 0x68]) { return "bzip2" }
        if bytes.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return "zstd" }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "zip" }
        return nil
    }

    /// The prefix as text, honouring a UTF-16 byte-order mark or UTF-16 without one; other
    /// encodings are ASCII-compatible, which is all the DOCTYPE search needs.
    static func decodedPrefix(_ bytes: [UInt8]) -> String {
        let even = bytes.count - bytes.count % 2
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            return String(decoding: stride(from: 0, to: even, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 },
                          as: UTF16.self)
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            return String(decoding: stride(from: 0, to: even, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) },
                          as: UTF16.self)
        }
        return String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
    }

    /// The `version` attribute on the root element's start tag, if the prefix shows it.
    static func rootVersion(_ prefix: [UInt8]) -> Int? {
        let text = decodedPrefix(prefix)
        var scalars = text.unicodeScalars[...]
        while let open = scalars.firstIndex(of: "<") {
            let rest = scalars[scalars.index(after: open)...]
            guard let next = rest.first else { return nil }
            if next == "?" || next == "!" {
                scalars = rest
                continue
            }
            let tag = String(String.UnicodeScalarView(rest.prefix { $0 != ">" }))
            guard let range = tag.range(of: #"\sversion\s*=\s*["'](\d{1,6})["']"#, options: .regularExpression) else {
                return nil
            }
            return Int(tag[range].filter(\.isNumber))
        }
        return nil
    }

    /// Whether the prolog (everything before the first element) declares a DOCTYPE, and where.
    static func scanProlog(_ text: String) -> Prolog {
        var line = 1
        var column = 1
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "<" {
                let rest = scalars.dropFirst()
                if rest.starts(with: "!DOCTYPE".unicodeScalars) { return .doctype(line: line, column: column) }
                if let next = rest.first, next != "?" && next != "!" { return .rootElement }
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            scalars = scalars.dropFirst()
        }
        return .unfinished
    }
}

import Foundation

extension TripleSProlog {
    /// A document's bytes seen as code units (bytes, or UTF-16 units after a byte-order mark or a
    /// UTF-16 `<?`): enough to scan an ASCII prolog and blank part of it in place.
    struct Units {
        private(set) var bytes: [UInt8]
        /// Set for UTF-16; nil for byte-wide encodings, named by the XML declaration.
        let encoding: TripleSEncoding?
        private let base: Int
        private let width: Int
        let count: Int

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
                encoding = .utf16LE
            } else if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
                encoding = .utf16BE
            } else {
                encoding = nil
            }
            width = encoding == nil ? 1 : 2
            let utf16Mark = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            base = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : (utf16Mark ? 2 : 0)
            // Only the prolog is scanned; a real one is far shorter than the prescan's window.
            count = min((bytes.count - base) / width, InputPrescan.window)
        }

        /// The unit at `index` as a character (units above ASCII come back as "?").
        subscript(index: Int) -> Character {
            let offset = base + index * width
            let unit: UInt16 = switch encoding {
            case .utf16LE: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
            case .utf16BE: UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
            default: UInt16(bytes[offset])
            }
            return unit < 0x80 ? Character(Unicode.Scalar(UInt8(unit))) : "?"
        }

        func matches(_ word: String, at index: Int) -> Bool {
            guard index + word.count <= count else { return false }
            return word.enumerated().allSatisfy { self[index + $0.offset] == $0.element }
        }

        func find(_ word: String, from index: Int) -> Int? {
            var at = index
            while at + word.count <= count {
                if matches(word, at: at) { return at }
                at += 1
            }
            return nil
        }

        func string(_ range: Range<Int>) -> String {
            String(range.map { self[$0] })
        }

        /// 1-based line and column of `index`.
        func position(of index: Int) -> (line: Int, column: Int) {
            var line = 1, column = 1
            for at in 0..<index {
                if self[at] == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return (line, column)
        }

        /// Replaces the units in `range` with spaces, keeping line ends so line numbers stay right.
        mutating func blank(_ range: ClosedRange<Int>) {
            for index in range where self[index] != "\n" && self[index] != "\r" {
                let offset = base + index * width
                switch encoding {
                case .utf16LE: bytes[offset] = 0x20; bytes[offset + 1] = 0
                case .utf16BE: bytes[offset] = 0; bytes[offset + 1] = 0x20
                default: bytes[offset] = 0x20
                }
            }
        }
    }
}

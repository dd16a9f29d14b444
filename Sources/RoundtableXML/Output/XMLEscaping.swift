/// Text escaped for XML exactly as libxml2's xmlTextWriter escapes it, with what XML 1.0 forbids
/// stripped: the one escaper of the byte writers (rosters, REFI projects).
enum XMLEscaping {
    /// Appends `value` escaped to `buffer`: `&`, `<`, `>`, `"` and CR as references, and in a
    /// double-quoted attribute also tab and line feed. Runs that need no reference are copied whole.
    static func append(_ value: String, inAttribute: Bool, to buffer: inout [UInt8]) {
        var value = XMLText.sanitized(value)
        value.withUTF8 { bytes in
            var clean = 0
            for index in bytes.indices {
                let reference: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): reference = "&amp;"
                case UInt8(ascii: "<"): reference = "&lt;"
                case UInt8(ascii: ">"): reference = "&gt;"
                case UInt8(ascii: "\""): reference = "&quot;"
                case 0x0D: reference = "&#13;"
                case 0x0A where inAttribute: reference = "&#10;"
                case 0x09 where inAttribute: reference = "&#9;"
                default: continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
                reference.withUTF8Buffer { buffer.append(contentsOf: $0) }
                clean = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
        }
    }
}

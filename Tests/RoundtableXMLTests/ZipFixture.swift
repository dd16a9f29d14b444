import Foundation

/// Zip archives built byte by byte, so a test can make the hostile ones: headers that lie about
/// sizes or checksums, deflate streams that never end, runs of zeros that expand 158:1.
struct ZipFixture {
    struct Item {
        var name: String
        var method: UInt16
        /// The bytes as stored (compressed for method 8).
        var stored: [UInt8]
        var declaredSize: UInt32
        var crc: UInt32
    }

    var items: [Item] = []

    /// Adds an uncompressed entry; `declaredSize` and `crc` default to the truth.
    mutating func stored(_ name: String, _ bytes: [UInt8], declaredSize: UInt32? = nil, crc: UInt32? = nil) {
        items.append(Item(name: name, method: 0, stored: bytes, declaredSize: declaredSize ?? UInt32(bytes.count),
                          crc: crc ?? Self.crc32(bytes)))
    }

    /// Adds a text entry, stored.
    mutating func text(_ name: String, _ text: String) {
        stored(name, Array(text.utf8))
    }

    /// Adds a deflated entry from its compressed bytes and what it claims to unpack to.
    mutating func deflated(_ name: String, compressed: [UInt8], declaredSize: UInt32, crc: UInt32) {
        items.append(Item(name: name, method: 8, stored: compressed, declaredSize: declaredSize, crc: crc))
    }

    /// The archive: local headers with data, the central directory, the end record.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for item in items {
            let offset = UInt32(out.count)
            let name = Array(item.name.utf8)
            out += Self.le32(0x0403_4B50) + Self.le16(20) + Self.le16(0) + Self.le16(item.method) + Self.le32(0)
                + Self.le32(item.crc) + Self.le32(UInt32(item.stored.count)) + Self.le32(item.declaredSize)
                + Self.le16(UInt16(name.count)) + Self.le16(0) + name + item.stored
            directory += Self.le32(0x0201_4B50) + Self.le16(0x0314) + Self.le16(20) + Self.le16(0) + Self.le16(item.method)
                + Self.le32(0) + Self.le32(item.crc) + Self.le32(UInt32(item.stored.count)) + Self.le32(item.declaredSize)
                + Self.le16(UInt16(name.count)) + Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le16(0)
                + Self.le32(0o100644 << 16) + Self.le32(offset) + name
        }
        let start = UInt32(out.count)
        out += directory
        out += Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(UInt16(items.count)) + Self.le16(UInt16(items.count))
            + Self.le32(UInt32(directory.count)) + Self.le32(start) + Self.le16(0)
        return out
    }

    func write(to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A raw deflate stream in one fixed-Huffman block: `prefix` as literals, then `count` copies of
    /// `byte` (a literal, then matches of 258 at distance 1: 13 bits each, about 158:1), the rest as
    /// literals. Bytes must be below 144 (ASCII), whose literal codes are 8 bits.
    static func run(of byte: UInt8 = 0, _ count: Int, after prefix: [UInt8] = []) -> [UInt8] {
        var bits = BitWriter()
        bits.put(1, 1)  // the final block
        bits.put(1, 2)  // fixed Huffman codes
        for literal in prefix { bits.code(0x30 + UInt32(literal), 8) }
        bits.code(0x30 + UInt32(byte), 8)
        var left = count - 1
        while left >= 258 {
            bits.code(0xC5, 8)  // length 258 (code 285)
            bits.code(0, 5)  // distance 1
            left -= 258
        }
        for _ in 0..<left { bits.code(0x30 + UInt32(byte), 8) }
        bits.code(0, 7)  // end of block (256)
        return bits.bytes
    }

    /// Bits packed from the least significant end, as deflate packs them.
    struct BitWriter {
        var bytes: [UInt8] = []
        private var used = 8

        mutating func put(_ value: UInt32, _ count: Int) {
            for bit in 0..<count {
                if used == 8 {
                    bytes.append(0)
                    used = 0
                }
                if (value >> bit) & 1 == 1 { bytes[bytes.count - 1] |= 1 << used }
                used += 1
            }
        }

        /// A Huffman code, whose bits go out most significant first.
        mutating func code(_ value: UInt32, _ count: Int) {
            var reversed: UInt32 = 0
            for bit in 0..<count where (value >> bit) & 1 == 1 { reversed |= 1 << (count - 1 - bit) }
            put(reversed, count)
        }
    }
}

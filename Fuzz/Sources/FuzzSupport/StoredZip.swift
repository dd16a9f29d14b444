/// A zip archive of uncompressed ("stored") entries, built in memory, so that a fuzz target can
/// hand a `.qdpx` reader documents the fuzzer mutates as plain bytes (a mutated deflate stream or
/// checksum would stop every input at the archive layer).
public enum StoredZip {
    /// The bytes of an archive holding `entries` in order.
    public static func archive(_ entries: [(path: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            let crc = crc32(entry.bytes)
            let offset = UInt32(truncatingIfNeeded: out.count)
            let size = UInt32(truncatingIfNeeded: entry.bytes.count)
            // Local file header: version 20, UTF-8 names (bit 11), stored, no time.
            out += le32(0x0403_4b50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
            out += le32(crc) + le32(size) + le32(size) + le16(UInt16(truncatingIfNeeded: name.count)) + le16(0)
            out += name + entry.bytes
            central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(size) + le32(size) + le16(UInt16(truncatingIfNeeded: name.count)) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let count = UInt16(truncatingIfNeeded: entries.count)
        let start = UInt32(truncatingIfNeeded: out.count)
        out += central
        out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(count) + le16(count)
        out += le32(UInt32(truncatingIfNeeded: central.count)) + le32(start) + le16(0)
        return out
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The CRC-32 zip uses.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}

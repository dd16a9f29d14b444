import Foundation

/// What unpacking one archive may produce, counted from the bytes actually unpacked (never from
/// the sizes the archive states): each entry and all entries read together at most `maxSize`
/// bytes (`--max-size`), and nothing expanding more than `maxRatio` to 1 once past `ratioFloor`.
final class UnpackLimits {
    /// Deflate tops out near 1032:1, and the cheapest bomb (fixed-Huffman runs of one byte) makes
    /// about 158:1. Text and XML, even very repetitive, stay below 20:1 (the REFI samples here: 1.1
    /// to 7.4:1; our own exports about 4:1), so 100:1 leaves real files a fivefold margin and stops
    /// either bomb after its first few kilobytes of compressed input.
    static let maxRatio: Int64 = 100
    /// Below this an entry may expand as much as it likes: 8 MiB harms nobody, and small,
    /// very regular files (an empty template, a run of blank lines) compress well.
    static let ratioFloor: Int64 = 8 << 20

    let file: String
    let maxSize: Int64
    /// The archive's size on disk: the whole may not expand past `maxRatio` times it either, so
    /// entries that share their compressed bytes, or one entry read many times, are caught too.
    let archiveSize: Int64
    private(set) var total: Int64 = 0

    init(file: String, maxSize: Int64, archiveSize: Int64) {
        self.file = file
        self.maxSize = maxSize
        self.archiveSize = archiveSize
    }

    /// Counts `count` more bytes of `entry`, which has now produced `produced` bytes from
    /// `consumed` compressed ones; throws once any limit is passed.
    func add(_ count: Int, entry: String, produced: Int64, consumed: Int64) throws {
        total += Int64(count)
        guard produced <= maxSize else {
            throw refusal("\(entry) unpacks to more than \(maxSize) bytes, over the limit (--max-size)")
        }
        guard total <= maxSize else {
            throw refusal("the entries read unpack to more than \(maxSize) bytes together, over the limit (--max-size)")
        }
        if produced > Self.ratioFloor, produced > Self.maxRatio * max(consumed, 1) {
            throw refusal("\(entry) unpacks to more than \(Self.maxRatio) times its compressed size "
                          + "(\(produced) bytes from \(consumed)): refused as a likely zip bomb")
        }
        if total > Self.ratioFloor, total > Self.maxRatio * max(archiveSize, 1) {
            throw refusal("the entries read unpack to more than \(Self.maxRatio) times the archive's \(archiveSize) bytes: "
                          + "refused as a likely zip bomb")
        }
    }

    private func refusal(_ message: String) -> XMLInputError {
        XMLInputError(file: file, message: message)
    }
}

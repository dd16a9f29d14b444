import Foundation

/// Counts the attributes of each start tag as the bytes go to libxml2, and refuses a tag with more
/// than `limit`: libxml2 2.9 appends each attribute by walking the element's list (and checks for
/// duplicates against all before it), so one element of 100,000 attributes, a 1 MB file, takes
/// minutes. Comments, CDATA sections and processing instructions are passed over; it needs no
/// more than the bytes seen so far, so it works chunk by chunk.
struct AttributeCounter {
    /// Far above any element Roundtable reads (REFI and Triple-S elements have fewer than a dozen).
    static let limit = 1_000

    private enum State {
        case text, open, tag, quoted(UInt8), bang, bangDash, comment, cdata, other
    }

    private let file: String
    private var state = State.text
    private var count = 0
    /// Consecutive `-` or `]` just seen, for the end of a comment or a CDATA section.
    private var run = 0
    private var line = 1

    init(file: String) {
        self.file = file
    }

    mutating func scan(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let end = bytes.count
        var index = 0
        // Text and quoted values are most of the bytes: memchr skips them to the one byte that
        // ends them, and lines are counted per chunk (or up to an error) instead of per byte.
        while index < end {
            switch state {
            case .text:
                index = Self.next(UInt8(ascii: "<"), in: base, from: index, to: end)
                if index < end { (state, index) = (.open, index + 1) }
            case .quoted(let quote):
                index = Self.next(quote, in: base, from: index, to: end)
                if index < end { (state, index) = (.tag, index + 1) }
            default:
                if !step(base[index]) {
                    throw XMLInputError(file: file, line: line + Self.newlines(in: base, count: index),
                                        message: "an element has more than \(Self.limit) attributes; "
                                        + "refused (no file Roundtable reads has such elements)")
                }
                index += 1
            }
        }
        line += Self.newlines(in: base, count: end)
    }

    /// The index of the first `byte` in `start..<end`, or `end`.
    private static func next(_ byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let found = memchr(base + start, Int32(byte), end - start) else { return end }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Newlines in the first `count` bytes, found with memchr (a byte loop here cost as much as
    /// the whole scan before it).
    private static func newlines(in base: UnsafePointer<UInt8>, count: Int) -> Int {
        var total = 0
        var index = next(0x0A, in: base, from: 0, to: count)
        while index < count {
            total += 1
            index = next(0x0A, in: base, from: index + 1, to: count)
        }
        return total
    }

    /// Takes one byte outside text and quoted values; false when a tag has too many attributes.
    private mutating func step(_ byte: UInt8) -> Bool {
        switch state {
        case .text, .quoted:
            preconditionFailure("text and quoted values are skipped by scan")
        case .open:
            switch byte {
            case UInt8(ascii: "!"): state = .bang
            case UInt8(ascii: "?"): state = .other
            default: (state, count) = (.tag, 0)
            }
        case .tag:
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): state = .quoted(byte)
            case UInt8(ascii: ">"): state = .text
            case UInt8(ascii: "="):
                count += 1
                return count <= Self.limit
            default: break
            }
        case .bang:
            switch byte {
            case UInt8(ascii: "-"): state = .bangDash
            case UInt8(ascii: "["): (state, run) = (.cdata, 0)
            default: state = .other
            }
        case .bangDash:
            (state, run) = (byte == UInt8(ascii: "-") ? .comment : .other, 0)
        case .comment:
            if byte == UInt8(ascii: ">") && run >= 2 { state = .text }
            run = byte == UInt8(ascii: "-") ? run + 1 : 0
        case .cdata:
            if byte == UInt8(ascii: ">") && run >= 2 { state = .text }
            run = byte == UInt8(ascii: "]") ? run + 1 : 0
        case .other:
            // A processing instruction or a declaration: taken to end at the next `>`, which at
            // worst counts a PI's text as a tag, refusing only a file built to be refused.
            if byte == UInt8(ascii: ">") { state = .text }
        }
        return true
    }
}

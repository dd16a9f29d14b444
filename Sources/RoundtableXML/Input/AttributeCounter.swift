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
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") { state = .open }
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
                    guard count <= Self.limit else {
                        throw XMLInputError(file: file, line: line, message: "an element has more than \(Self.limit) attributes; "
                                            + "refused (no file Roundtable reads has such elements)")
                    }
                default: break
                }
            case .quoted(let quote):
                if byte == quote { state = .tag }
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
        }
    }
}

import Foundation

/// One way to store and compare names, whatever form the user's terminal typed them in.
public enum UnicodeText {
    /// Letters that carry no combining mark yet are read as a base letter in search.
    private static let searchFoldings: [Unicode.Scalar: String] = [
        "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i",
    ]

    /// The canonical composed form (NFC), trimmed; what Roundtable stores.
    public static func composed(_ text: String) -> String {
        let trimmed = trimmed(text)
        return isSurelyComposed(trimmed) ? trimmed : trimmed.precomposedStringWithCanonicalMapping
    }

    /// `text` without leading and trailing white space (Unicode White_Space), without Foundation.
    public static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return text }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// A form for matching: compatibility-decomposed, lower case, marks and Nordic ligatures folded,
    /// spaces collapsed. "Äijälä", "A\u{308}ija\u{308}la\u{308}" and "aijala" share it.
    public static func searchKey(_ text: String) -> String {
        latinSearchKey(text) ?? scalarSearchKey(text)
    }

    /// `searchKey` byte by byte for text of U+0000…U+024F (English and Nordic transcripts): the
    /// full-text index's trigger calls it for every utterance written, and building the result a
    /// scalar at a time was a sixth of a transcript import. Nil for text with any other scalar.
    static func latinSearchKey(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // Lead bytes 0xC2…0xC9 start U+0080…U+024F; anything above is left to the scalar path.
            guard !bytes.contains(where: { $0 >= 0xCA }) else { return nil }
            let folds = latinFoldBytes
            return String(unsafeUninitializedCapacity: bytes.count * folds.expansion) { out in
                var count = 0
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        index += 1
                        if byte == 0x20 || (0x09...0x0D).contains(byte) {
                            pendingSpace = count > 0
                            continue
                        }
                        if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                        out[count] = byte.lowercasedASCII
                        count += 1
                        continue
                    }
                    // Valid UTF-8 (a String) below 0xCA: a two-byte sequence.
                    let value = Int(byte & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)
                    index += 2
                    if value == 0x85 || value == 0xA0 {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                    for folded in folds.table[value - 0x80] {
                        out[count] = folded
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// `searchKey` a scalar at a time, for any text.
    static func scalarSearchKey(_ text: String) -> String {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace {
                folded.unicodeScalars.append(" ")
                pendingSpace = false
            }
            if scalar.isASCII {
                folded.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: scalar).lowercasedASCII))
            } else if scalar.value < 0x0250 {
                folded += latinFolds[Int(scalar.value) - 0x80]
            } else {
                folded += FoldCache.shared.fold(scalar)
            }
        }
        return folded
    }

    /// Unicode White_Space, without a property lookup below U+1680 (the first such space past Latin-1).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: true
        case ..<0x1680: false
        default: scalar.properties.isWhitespace
        }
    }

    /// Folds of U+0080…U+024F, the letters Nordic names are made of, computed once.
    private static let latinFolds: [String] = (0x80..<0x250).map { fold(Unicode.Scalar($0)!) }

    /// `latinFolds` as UTF-8, with the most bytes a fold has per byte of its two-byte scalar (rounded up).
    private static let latinFoldBytes: (table: [[UInt8]], expansion: Int) = {
        let table = latinFolds.map { Array($0.utf8) }
        return (table, max(1, (table.map(\.count).max()! + 1) / 2))
    }()

    /// Folds one non-ASCII scalar. Decomposing scalar by scalar is exact here: NFKD of a string is
    /// the concatenation of its scalars' decompositions up to mark order, and marks are dropped.
    static func fold(_ scalar: Unicode.Scalar) -> String {
        var result = ""
        for part in String(scalar).decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            switch part.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                if let replacement = searchFoldings[part] { result += replacement } else { result.unicodeScalars.append(part) }
            }
        }
        return result
    }

    /// Whether NFC would leave `text` unchanged, decided without normalising: true when every scalar
    /// is a stable starter (below). False may still be composed text; Foundation then decides.
    /// Tests sweep every scalar against Foundation's NFC to keep this a proof, not a guess.
    static func isSurelyComposed(_ text: String) -> Bool {
        // UTF-8 lead bytes below 0xCC start the scalars below U+0300, all stable starters: ASCII and
        // Nordic names end here.
        if text.utf8.allSatisfy({ $0 < 0xCC }) { return true }
        return StableStarters.shared.all(text.unicodeScalars)
    }

    /// Whether NFC leaves `scalar` as it is wherever it stands: NFC does not replace it (it is no
    /// composition exclusion), it is never reordered (combining class 0) and it never joins the
    /// scalar before it (no mark, no Hangul vowel or final consonant, none of the vowel signs that
    /// compose without being marks). Then a text of such scalars is in NFC (UAX #15 quick check).
    static func isStableStarter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // ASCII, Latin-1 Supplement, Latin Extended-A/B, IPA and spacing modifiers: every one of
        // them a stable starter (the sweep test checks), and the letters Nordic names are made of.
        if value < 0x0300 { return true }
        let properties = scalar.properties
        guard properties.canonicalCombiningClass == .notReordered, !properties.isFullCompositionExclusion else { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return false
        default: break
        }
        // Hangul Jamo: vowels and final consonants join the syllable before them.
        if (0x1100...0x11FF).contains(value) { return false }
        return !joinersThatAreNotMarks.contains(value)
    }

    /// Scalars of combining class 0 that are not marks yet compose with the scalar before them:
    /// Kirat Rai vowel signs (Unicode 16) are letters. Foundation's NFC here predates them; the
    /// sweep test finds any such scalar that the Foundation in use knows.
    private static let joinersThatAreNotMarks: Set<UInt32> = [0x16D63, 0x16D67]
}

/// `isStableStarter` of every BMP scalar, worked out 256 at a time when a text first needs them:
/// the property lookups cost a few hundred nanoseconds a scalar, a bit test a nanosecond.
final class StableStarters: @unchecked Sendable {
    static let shared = StableStarters()
    private let lock = NSLock()
    /// One bit per BMP scalar, set when it is a stable starter; valid for pages marked `known`.
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var known = [Bool](repeating: false, count: 0x10000 / 256)

    /// Whether every scalar is a stable starter.
    func all(_ scalars: String.UnicodeScalarView) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        for scalar in scalars where scalar.value >= 0x0300 {
            let value = Int(scalar.value)
            guard value < 0x10000 else {
                if UnicodeText.isStableStarter(scalar) { continue } else { return false }
            }
            if !known[value >> 8] { learn(page: value >> 8) }
            if bits[value >> 6] & (1 << UInt64(value & 63)) == 0 { return false }
        }
        return true
    }

    private func learn(page: Int) {
        for value in (page << 8)..<((page + 1) << 8) {
            // Surrogate code points are no scalars and never occur in a String.
            if let scalar = Unicode.Scalar(UInt32(value)), UnicodeText.isStableStarter(scalar) {
                bits[value >> 6] |= 1 << UInt64(value & 63)
            }
        }
        known[page] = true
    }
}

/// Per-scalar search folds, computed once each: names reuse a small alphabet.
final class FoldCache: @unchecked Sendable {
    static let shared = FoldCache()
    private let lock = NSLock()
    private var folds: [Unicode.Scalar: String] = [:]

    func fold(_ scalar: Unicode.Scalar) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = folds[scalar] { return known }
        let folded = UnicodeText.fold(scalar)
        folds[scalar] = folded
        return folded
    }
}

extension UInt8 {
    var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self + 0x20 : self }
}

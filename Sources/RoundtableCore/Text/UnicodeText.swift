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

    /// Whether NFC would leave `text` unchanged: true for text without combining marks, conjoining
    /// jamo or the few singletons that NFC replaces. Anything else goes through Foundation.
    static func isSurelyComposed(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        for scalar in text.unicodeScalars where !scalar.isASCII {
            let value = scalar.value
            // Latin-1 Supplement and Latin Extended-A/B: precomposed letters, never changed by NFC.
            if (0x00A0...0x024F).contains(value) { continue }
            if scalar.properties.canonicalCombiningClass != .notReordered { return false }
            if (0x1100...0x11FF).contains(value) || (0x0340...0x0344).contains(value) || value == 0x0374
                || value == 0x037E || value == 0x0387 || (0x1F71...0x1FFD).contains(value) || (0x2000...0x2001).contains(value)
                || value == 0x2126 || value == 0x212A || value == 0x212B || (0x2329...0x232A).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value) || (0x0300...0x036F).contains(value)
                || (0x0900...0x0DFF).contains(value) || (0x0F00...0x0FFF).contains(value) || (0x1B00...0x1B7F).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0x3099...0x309A).contains(value) {
                return false
            }
        }
        return true
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

import Foundation

/// One way to store and compare names, whatever form the user's terminal typed them in.
public enum UnicodeText {
    /// Letters that carry no combining mark yet are read as a base letter in search.
    private static let searchFoldings: [Character: String] = [
        "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i",
    ]

    /// The canonical composed form (NFC), trimmed; what Roundtable stores.
    public static func composed(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A form for matching: compatibility-decomposed, lower case, marks and Nordic ligatures folded,
    /// spaces collapsed. "Äijälä", "A\u{308}ija\u{308}la\u{308}" and "aijala" share it.
    public static func searchKey(_ text: String) -> String {
        let decomposed = text.decomposedStringWithCompatibilityMapping.lowercased()
        var folded = ""
        folded.reserveCapacity(decomposed.utf8.count)
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                let character = Character(scalar)
                if let replacement = searchFoldings[character] {
                    folded += replacement
                } else {
                    folded.unicodeScalars.append(scalar)
                }
            }
        }
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

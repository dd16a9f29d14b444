import Foundation
import RoundtableCore

/// Turns the words a user typed into an FTS5 MATCH expression that cannot be a syntax error.
///
/// Each word becomes a quoted string in its search form (quotes inside doubled), so FTS5 operators and punctuation
/// are only ever text; words joined by spaces must all occur (AND). A trailing `*` keeps prefix
/// search (`deliv*` finds "delivery"). Words without a letter or digit are dropped: the
/// tokenizer would find nothing in them.
enum SearchExpression {
    /// The MATCH expression for `query`, composed (NFC) first; a usage error when no word is left.
    static func match(_ query: String) throws -> String {
        let composed = UnicodeText.composed(query)
        var terms: [String] = []
        for word in composed.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }) {
            var body = Substring(word)
            var prefix = false
            while body.last == "*" {
                body = body.dropLast()
                prefix = true
            }
            guard body.unicodeScalars.contains(where: isTokenScalar) else { continue }
            // The index holds the search form of the text, so the word is folded the same way.
            let folded = UnicodeText.searchKey(String(body))
            terms.append("\"" + folded.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : ""))
        }
        guard !terms.isEmpty else { throw RoundtableError.usage("give at least one word to search for") }
        return terms.joined(separator: " ")
    }

    /// Whether the unicode61 tokenizer keeps `scalar` in a token: letters, digits and private use.
    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            true
        default:
            false
        }
    }
}

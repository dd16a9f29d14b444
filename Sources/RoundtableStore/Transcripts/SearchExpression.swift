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
        try checkLength(query)
        let composed = UnicodeText.composed(query)
        var terms: [String] = []
        for word in composed.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }) {
            var body = Substring(word)
            var prefix = false
            while body.last == "*" {
                body = body.dropLast()
                prefix = true
            }
            guard body.unicodeScalars.contains(where: SearchQuery.isTokenScalar) else { continue }
            // The index holds the search form of the text, so the word is folded the same way.
            let folded = UnicodeText.searchKey(String(body))
            terms.append("\"" + folded.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : ""))
        }
        guard !terms.isEmpty else { throw RoundtableError.usage("give at least one word to search for") }
        guard terms.count <= maximumWords else {
            throw RoundtableError.usage("the search has \(terms.count) words; give at most \(maximumWords)")
        }
        return terms.joined(separator: " ")
    }

    /// The longest search text taken, in characters: far beyond any name or phrase, and short
    /// enough that no query becomes slow.
    static let maximumLength = 1000
    /// The most words a transcript search takes: FTS5's work grows faster than the word count.
    static let maximumWords = 64

    /// Refuses (exit 64) a search text longer than `maximumLength` characters.
    static func checkLength(_ query: String) throws {
        let length = query.count
        guard length <= maximumLength else {
            throw RoundtableError.usage("the search text is \(length) characters long; give at most \(maximumLength)")
        }
    }
}

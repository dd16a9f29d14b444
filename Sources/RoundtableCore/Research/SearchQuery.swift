import Foundation

/// The words of a transcript search, and where they occur in an utterance, in Unicode scalars of
/// the original text, as `code apply --search` codes them.
///
/// Matching works on the search form (`UnicodeText.searchKey`) the full-text index holds, so
/// "aijala" finds "Äijälä" and "oystein" finds "Øystein"; each scalar of the original text is
/// folded on its own and remembers where it stood, so a match maps back to the exact scalars it
/// came from, marks that fold to nothing included.
public struct SearchQuery: Sendable, Equatable {
    /// One word as typed: the tokens the index splits it into ("e-mail" is "e", "mail"), folded;
    /// `prefix` when it ended in `*` (its last token then matches by prefix).
    public struct Word: Sendable, Equatable {
        public var tokens: [String]
        public var prefix: Bool
    }

    /// The words that count (those with a letter or digit), in the order typed.
    public let words: [Word]

    /// Parses what the user typed: words split at white space, a trailing `*` for prefix search.
    public init(_ text: String) {
        var words: [Word] = []
        for piece in UnicodeText.composed(text).split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }) {
            var body = Substring(piece)
            var prefix = false
            while body.last == "*" {
                body = body.dropLast()
                prefix = true
            }
            let tokens = Self.tokens(of: UnicodeText.searchKey(String(body)))
            if !tokens.isEmpty { words.append(Word(tokens: tokens, prefix: prefix)) }
        }
        self.words = words
    }

    /// Whether the full-text tokenizer (unicode61) keeps `scalar` in a token: letters, digits and private use.
    public static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            true
        default:
            false
        }
    }

    /// Where the words occur in `text`: one span per occurrence of a word (a word of several tokens
    /// where they follow one another), and occurrences with only white space between them joined,
    /// so "mobile app" is one span where the two words stand together. In text order.
    public func spans(in text: String) -> [TextSpan] {
        let tokens = Self.locatedTokens(text)
        var found: [TextSpan] = []
        for start in tokens.indices {
            for word in words where Self.matches(word, tokens, at: start) {
                found.append(TextSpan(start: tokens[start].span.start, end: tokens[start + word.tokens.count - 1].span.end))
            }
        }
        return Self.joined(found.sorted { ($0.start, $0.end) < ($1.start, $1.end) }, in: text)
    }

    private static func matches(_ word: Word, _ tokens: [LocatedToken], at start: Int) -> Bool {
        guard start + word.tokens.count <= tokens.count else { return false }
        for (offset, wanted) in word.tokens.enumerated() {
            let token = tokens[start + offset].folded
            let isLast = offset == word.tokens.count - 1
            guard isLast && word.prefix ? token.hasPrefix(wanted) : token == wanted else { return false }
        }
        return true
    }

    /// Overlapping spans merged, and spans with only white space between them joined.
    private static func joined(_ spans: [TextSpan], in text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        var result: [TextSpan] = []
        for span in spans {
            if let last = result.last,
               span.start <= last.end || scalars[last.end..<span.start].allSatisfy({ $0.properties.isWhitespace }) {
                result[result.count - 1] = TextSpan(start: last.start, end: max(last.end, span.end))
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// A token of the folded text and the scalars of the original text it came from.
    struct LocatedToken: Equatable {
        var folded: String
        var span: TextSpan
    }

    /// The tokens of `text` as the index sees them (folded, split at what is not a token scalar),
    /// each with its place in the original. A scalar that folds to nothing (a combining mark)
    /// belongs to the token it follows.
    static func locatedTokens(_ text: String) -> [LocatedToken] {
        var tokens: [LocatedToken] = []
        var current: LocatedToken?
        /// Adds a folded scalar that came from the original scalar at `offset`: to the open token
        /// when it is a token scalar, else it closes that token.
        func take(_ part: Unicode.Scalar, at offset: Int) {
            if isTokenScalar(part) {
                var token = current ?? LocatedToken(folded: "", span: TextSpan(start: offset, end: offset + 1))
                token.folded.unicodeScalars.append(part)
                token.span = TextSpan(start: token.span.start, end: offset + 1)
                current = token
            } else if let done = current {
                tokens.append(done)
                current = nil
            }
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            // ASCII folds to itself in lower case: most text never needs a string per scalar.
            if scalar.isASCII {
                take(Unicode.Scalar(UInt8(scalar.value).lowercasedASCII), at: offset)
                continue
            }
            let folded = UnicodeText.isWhitespace(scalar) ? " " : UnicodeText.searchKey(String(scalar))
            if folded.isEmpty {
                if let open = current { current!.span = TextSpan(start: open.span.start, end: offset + 1) }
                continue
            }
            for part in folded.unicodeScalars { take(part, at: offset) }
        }
        if let done = current { tokens.append(done) }
        return tokens
    }

    /// The tokens of an already folded text.
    static func tokens(of folded: String) -> [String] {
        folded.unicodeScalars.split(whereSeparator: { !isTokenScalar($0) }).map { String(String.UnicodeScalarView($0)) }
    }
}

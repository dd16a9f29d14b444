import Foundation

/// The words of a text around the first match of a search, with matches in brackets:
/// `…I never know if a [transfer] really went through.` Words are compared in their search form
/// (`UnicodeText.searchKey`: case, diacritics and Nordic letters folded), so "oystein" marks "Øystein".
public enum SearchSnippet {
    /// A search word in its folded form; `prefix` when the user ended it with `*`.
    public struct Term: Sendable, Equatable {
        public var folded: String
        public var prefix: Bool

        /// A term from what the user typed (`deliv*` is a prefix term).
        public init(typed: String) {
            var body = Substring(typed)
            var prefix = false
            while body.last == "*" {
                body = body.dropLast()
                prefix = true
            }
            folded = UnicodeText.searchKey(String(body))
            self.prefix = prefix
        }

        func matches(_ word: String) -> Bool {
            prefix ? word.hasPrefix(folded) : word == folded
        }
    }

    /// Up to `window` words of `text` starting a little before the first word that matches one of
    /// `terms`, each matching word in brackets, `…` where text was left out.
    public static func make(_ text: String, terms: [Term], window: Int = 12) -> String {
        let words = wordRanges(text)
        guard !words.isEmpty else { return text }
        let folded = words.map { UnicodeText.searchKey(String(text[$0])) }
        let hits = Set(folded.indices.filter { index in terms.contains { $0.matches(folded[index]) } })
        let first = hits.min() ?? 0
        let start = max(0, min(first - window / 4, words.count - window))
        let end = min(words.count, start + window)
        var result = start > 0 ? "…" : ""
        var cursor = start > 0 ? words[start].lowerBound : text.startIndex
        for index in start..<end {
            let range = words[index]
            result += text[cursor..<range.lowerBound]
            result += hits.contains(index) ? "[\(text[range])]" : String(text[range])
            cursor = range.upperBound
        }
        result += end < words.count ? "…" : String(text[cursor...])
        return result
    }

    /// The ranges of the runs of letters and digits, as the full-text tokenizer splits them.
    static func wordRanges(_ text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let isWord = text[index].isLetter || text[index].isNumber
            if isWord, start == nil { start = index }
            if !isWord, let open = start {
                ranges.append(open..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let open = start { ranges.append(open..<text.endIndex) }
        return ranges
    }
}

import Foundation

/// Replaces participants' names in free text with their study codes, such as "Äijälä Matti" → "P01",
/// and leaves other people's names whole.
///
/// Every occurrence of a full name and of each of its words with two or more letters is replaced,
/// as a whole word (no letter or digit may touch it on either side, so "Mattila" keeps "Matti"),
/// ignoring case. Text and names are compared in composed form (NFC), so any Unicode form
/// matches; the result is composed. A full name matches in either order ("Virtanen, Ilkka",
/// "Virtanen Ilkka" and "Ilkka Virtanen" are each one code) across any run of white space, and
/// longer names are tried first. Names are split into words at white space (and at the comma of
/// "Last, First"); "Anna-Liisa" is one word. A word shared by people with different codes is
/// replaced by all their codes joined with "/", so no name is left behind and none is wrongly
/// attributed.
///
/// Names to keep (moderators, coders) are found first and left whole, so a participant's surname
/// inside a moderator's full name does not turn "Aino Virtanen" into "Aino P01". Only a
/// participant's full name that covers a kept name entirely replaces it, and a kept name that is
/// also a participant's name or name word is not kept: privacy wins.
public struct Pseudonymizer: Sendable {
    /// A name or word to find: its words as lower-cased characters, where a comma may stand between
    /// words, and the code to put instead (nil for a name that is kept).
    private struct Term: Sendable {
        var words: [[String]]
        /// Indices of words that may be preceded by a comma, as in "Virtanen, Ilkka".
        var commas: Set<Int>
        var code: String?
        var length: Int { words.reduce(words.count - 1) { $0 + $1.count } }
    }

    /// Participants' names and words by the lower-cased start of their first word, longest first within each list.
    private let replaced: [String: [Term]]
    /// Names to keep, likewise.
    private let kept: [String: [Term]]

    /// Prepares to replace each `name` by its `code`, leaving the names in `keeping` whole.
    public init(_ replacements: [(name: String, code: String)], keeping: [String] = []) {
        var codes: [[[String]]: [String]] = [:]
        var commas: [[[String]]: Set<Int>] = [:]
        var order: [[[String]]] = []
        func add(_ form: NameForm, _ code: String) {
            if codes[form.words] == nil { order.append(form.words) }
            if !(codes[form.words]?.contains(code) ?? false) { codes[form.words, default: []].append(code) }
            commas[form.words, default: []].formUnion(form.commas)
        }
        for (name, code) in replacements {
            let forms = Self.forms(of: name)
            forms.forEach { add($0, code) }
            for word in forms.first?.words ?? [] where word.filter({ $0.first?.isLetter ?? false }).count >= 2 {
                add(NameForm(words: [word], commas: []), code)
            }
        }
        replaced = Self.table(order.map { Term(words: $0, commas: commas[$0] ?? [], code: codes[$0]?.joined(separator: "/")) })
        var keptCommas: [[[String]]: Set<Int>] = [:]
        var keptOrder: [[[String]]] = []
        for form in keeping.flatMap(Self.forms(of:)) where codes[form.words] == nil {
            if keptCommas[form.words] == nil { keptOrder.append(form.words) }
            keptCommas[form.words, default: []].formUnion(form.commas)
        }
        kept = Self.table(keptOrder.map { Term(words: $0, commas: keptCommas[$0] ?? [], code: nil) })
    }

    /// `text` in composed form with every name replaced by its code.
    public func apply(to text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        forEachPiece(of: text) { original, code in result += code ?? String(original) }
        return result
    }

    /// `text` with names replaced, and `spans` (Unicode-scalar offsets into the composed `text`)
    /// moved to match: a start inside a replaced name moves to the start of its code, an end
    /// inside one to the end of its code, so a coded span still covers what it covered.
    public func apply(to text: String, spans: [TextSpan]) -> (text: String, spans: [TextSpan]) {
        var result = ""
        var starts = [0], ends = [0]
        var offset = 0
        forEachPiece(of: text) { original, code in
            let length = original.reduce(0) { $0 + $1.unicodeScalars.count }
            if let code {
                let codeLength = code.unicodeScalars.count
                for _ in 1..<max(length, 1) {
                    starts.append(offset)
                    ends.append(offset + codeLength)
                }
                offset += codeLength
                starts.append(offset)
                ends.append(offset)
                result += code
            } else {
                for step in 1...max(length, 1) where step <= length {
                    starts.append(offset + step)
                    ends.append(offset + step)
                }
                offset += length
                result += String(original)
            }
        }
        let last = starts.count - 1
        let moved = spans.map { span in
            TextSpan(start: starts[min(max(span.start, 0), last)], end: ends[min(max(span.end, 0), last)])
        }
        return (result, moved)
    }

    /// Calls `body` with each run of the composed text in order: a participant's name with its code,
    /// or text left as it is (code nil): a kept name whole, a word, or one other character.
    private func forEachPiece(of text: String, _ body: (ArraySlice<Character>, String?) -> Void) {
        let characters = Array(text.precomposedStringWithCanonicalMapping)
        let lowered = characters.map(Self.folded)
        let keptSpans = kept.isEmpty ? [] : Self.occurrences(of: kept, in: characters, lowered)
        var next = 0
        var index = 0
        // The scan moves a whole word, name or other character at a time, so a letter or digit at
        // `index` always starts a word.
        while index < characters.count {
            while next < keptSpans.count, keptSpans[next].upperBound <= index { next += 1 }
            let wordEnd = Self.wordEnd(characters, from: index)
            guard wordEnd > index else {
                body(characters[index...index], nil)
                index += 1
                continue
            }
            if let (term, end) = replaced[lowered[index..<wordEnd].joined()]?.lazy.compactMap({ term in
                Self.match(term, in: characters, lowered, at: index).map { (term, $0) }
            }).first(where: { Self.covers(index..<$0.1, keptSpans[next...]) }) {
                body(characters[index..<end], term.code)
                index = end
            } else if next < keptSpans.count, keptSpans[next].lowerBound == index {
                body(characters[keptSpans[next]], nil)
                index = keptSpans[next].upperBound
            } else {
                body(characters[index..<wordEnd], nil)
                index = wordEnd
            }
        }
    }

    /// Whether replacing `range` leaves every kept name whole: each one that starts inside the range
    /// ends inside it too (`spans` are the kept names from the range's start on, in order).
    private static func covers(_ range: Range<Int>, _ spans: ArraySlice<Range<Int>>) -> Bool {
        for span in spans {
            guard span.lowerBound < range.upperBound else { break }
            if span.upperBound > range.upperBound { return false }
        }
        return true
    }

    /// Where the terms of `table` occur as whole words, leftmost and then longest first, not overlapping.
    private static func occurrences(of table: [String: [Term]], in characters: [Character], _ lowered: [String]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            let end = wordEnd(characters, from: index)
            guard end > index else {
                index += 1
                continue
            }
            if let match = table[lowered[index..<end].joined()]?.lazy.compactMap({ match($0, in: characters, lowered, at: index) }).first {
                found.append(index..<match)
                index = match
            } else {
                index = end
            }
        }
        return found
    }

    /// The end of the run of letters and digits from `start` (`start` itself when there is none).
    private static func wordEnd(_ characters: [Character], from start: Int) -> Int {
        var end = start
        while end < characters.count, isWordCharacter(characters[end]) { end += 1 }
        return end
    }

    /// Where `term` ends if it occurs as a whole word at `start`, or nil.
    private static func match(_ term: Term, in characters: [Character], _ lowered: [String], at start: Int) -> Int? {
        var index = start
        for (number, word) in term.words.enumerated() {
            if number > 0 {
                // Between the words of a full name any run of white space will do, and a comma where
                // the name may be written "Last, First".
                let separatorStart = index
                while index < characters.count, characters[index].isWhitespace { index += 1 }
                if term.commas.contains(number), index < characters.count, characters[index] == "," {
                    index += 1
                    while index < characters.count, characters[index].isWhitespace { index += 1 }
                }
                guard index > separatorStart else { return nil }
            }
            guard index + word.count <= characters.count, Array(lowered[index..<index + word.count]) == word else { return nil }
            index += word.count
        }
        guard index == characters.count || !isWordCharacter(characters[index]) else { return nil }
        return index
    }

    /// Letters and digits make words; anything else (spaces, punctuation, apostrophes) ends one.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Terms by the letters and digits their first word starts with ("anna" for "Anna-Liisa"), which
    /// is the word the text is looked up by; longest first, in the order given among equals.
    private static func table(_ terms: [Term]) -> [String: [Term]] {
        var byFirst: [String: [Term]] = [:]
        for term in terms {
            guard let word = term.words.first else { continue }
            let start = word.prefix { $0.first.map(isWordCharacter) ?? false }.joined()
            guard !start.isEmpty else { continue }
            byFirst[start, default: []].append(term)
        }
        return byFirst.mapValues { list in
            list.enumerated().sorted { ($0.element.length, -$0.offset) > ($1.element.length, -$1.offset) }.map(\.element)
        }
    }

    /// A name's words, lower-cased character by character, with where a comma may stand.
    private struct NameForm {
        var words: [[String]]
        var commas: Set<Int>
    }

    /// The ways a full name is written: as given and in the other order. "Virtanen, Ilkka" is also
    /// "Ilkka Virtanen"; "Aino Virtanen" is also "Virtanen, Aino" (the last word taken as the surname).
    private static func forms(of name: String) -> [NameForm] {
        let composed = UnicodeText.composed(name)
        let parts = composed.split(separator: ",", maxSplits: 1)
        let before = words(of: parts.first ?? "")
        let after = parts.count > 1 ? words(of: parts[1]) : []
        if !before.isEmpty, !after.isEmpty {
            return [NameForm(words: before + after, commas: [before.count]), NameForm(words: after + before, commas: [])]
        }
        let all = words(of: Substring(composed))
        guard let last = all.last else { return [] }
        guard all.count > 1 else { return [NameForm(words: all, commas: [])] }
        return [NameForm(words: all, commas: []), NameForm(words: [last] + all.dropLast(), commas: [1])]
    }

    /// The words of `text`, split at white space, without surrounding punctuation, lower-cased.
    private static func words(of text: Substring) -> [[String]] {
        text.split(whereSeparator: \.isWhitespace).map(trimmedWord).filter { !$0.isEmpty }.map(lowered)
    }

    /// A name word without surrounding punctuation, such as the comma in "Berg, Øystein".
    private static func trimmedWord(_ word: Substring) -> String {
        String(word.drop { !isWordCharacter($0) }.reversed().drop { !isWordCharacter($0) }.reversed())
    }

    /// A word as its lower-cased characters, compared one by one with the text's.
    private static func lowered(_ word: String) -> [String] {
        word.map(folded)
    }

    /// A character as compared: lower-cased, with the apostrophes and hyphens people type in names
    /// made one ("O’Brien" is "O'Brien", "Anna‐Liisa" is "Anna-Liisa").
    private static func folded(_ character: Character) -> String {
        switch character {
        case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{02B9}", "\u{00B4}", "`": "'"
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2212}": "-"
        default: String(character).lowercased()
        }
    }
}

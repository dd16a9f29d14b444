import Foundation

/// Replaces people's names in free text with their study codes, such as "Äijälä Matti" → "P01".
///
/// Every occurrence of a full name and of each of its words with two or more letters is replaced,
/// as a whole word (no letter or digit may touch it on either side, so "Mattila" keeps "Matti"),
/// ignoring case. Text and names are compared in composed form (NFC), so any Unicode form
/// matches; the result is composed. Longer names are tried first, and a full name matches across
/// any run of white space, so "Matti  Äijälä" becomes one code, not two. Names are split into
/// words at white space only ("Anna-Liisa" is one word). A word shared by people with different
/// codes is replaced by all their codes joined with "/", so no name is left behind and none is
/// wrongly attributed.
public struct Pseudonymizer: Sendable {
    /// A name or word to replace: its words as lower-cased characters, and the code to put instead.
    private struct Term: Sendable {
        var words: [[String]]
        var code: String
        var length: Int { words.reduce(words.count - 1) { $0 + $1.count } }
    }

    /// Terms by the lower-cased first character, longest first within each list.
    private let terms: [String: [Term]]

    /// Prepares to replace each `name` by its `code`.
    public init(_ replacements: [(name: String, code: String)]) {
        var codes: [[[String]]: [String]] = [:]
        var order: [[[String]]] = []
        func add(_ words: [[String]], _ code: String) {
            if codes[words] == nil { order.append(words) }
            if !(codes[words]?.contains(code) ?? false) { codes[words, default: []].append(code) }
        }
        for (name, code) in replacements {
            let words = UnicodeText.composed(name).split(whereSeparator: \.isWhitespace).map(Self.trimmedWord).filter { !$0.isEmpty }
            guard !words.isEmpty else { continue }
            add(words.map(Self.lowered), code)
            for word in words where word.filter(\.isLetter).count >= 2 {
                add([Self.lowered(word)], code)
            }
        }
        var byFirst: [String: [Term]] = [:]
        for words in order {
            let term = Term(words: words, code: codes[words]!.joined(separator: "/"))
            byFirst[words[0][0], default: []].append(term)
        }
        terms = byFirst.mapValues { list in
            list.enumerated().sorted { ($0.element.length, -$0.offset) > ($1.element.length, -$1.offset) }.map(\.element)
        }
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

    /// Calls `body` with each run of the composed text in order: a name with its code, or one
    /// character left as it is (code nil).
    private func forEachPiece(of text: String, _ body: (ArraySlice<Character>, String?) -> Void) {
        let characters = Array(text.precomposedStringWithCanonicalMapping)
        let lowered = characters.map { String($0).lowercased() }
        var index = 0
        while index < characters.count {
            if index == 0 || !Self.isWordCharacter(characters[index - 1]),
               let candidates = terms[lowered[index]],
               let (term, end) = candidates.lazy.compactMap({ term in
                   Self.match(term, in: characters, lowered, at: index).map { (term, $0) }
               }).first {
                body(characters[index..<end], term.code)
                index = end
            } else {
                body(characters[index...index], nil)
                index += 1
            }
        }
    }

    /// Where `term` ends if it occurs as a whole word at `start`, or nil.
    private static func match(_ term: Term, in characters: [Character], _ lowered: [String], at start: Int) -> Int? {
        var index = start
        for (number, word) in term.words.enumerated() {
            if number > 0 {
                // Between the words of a full name any run of white space will do.
                let spaceStart = index
                while index < characters.count, characters[index].isWhitespace { index += 1 }
                guard index > spaceStart else { return nil }
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

    /// A name word without surrounding punctuation, such as the comma in "Berg, Øystein".
    private static func trimmedWord(_ word: Substring) -> String {
        String(word.drop { !isWordCharacter($0) }.reversed().drop { !isWordCharacter($0) }.reversed())
    }

    /// A word as its lower-cased characters, compared one by one with the text's.
    private static func lowered(_ word: String) -> [String] {
        word.map { String($0).lowercased() }
    }
}

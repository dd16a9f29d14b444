import Foundation

/// Someone a transcript's speaker label may stand for: a participant or a moderator.
public struct SpeakerCandidate: Sendable, Equatable {
    /// The person's key, such as `P-000001` or `M-0001`.
    public var id: String
    /// The names the person is known by, display name first.
    public var names: [String]

    /// Creates a candidate.
    public init(id: String, names: [String]) {
        self.id = id
        self.names = names
    }
}

/// What a speaker label was matched to.
public enum SpeakerMatch: Sendable, Equatable {
    /// Exactly one candidate fits.
    case matched(String)
    /// No candidate fits.
    case unmatched
    /// Several candidates fit equally well; their ids in candidate order.
    case ambiguous([String])
}

/// Matches transcript speaker labels to people by key or name, and never guesses beyond that.
///
/// Labels and names are compared by `UnicodeText.searchKey`, so case, Unicode form and marks do not
/// matter ("AIJALA" matches "Äijälä"). A name is written "First Last" or "Last, First"; a label
/// may use either order, with or without the comma ("Tuulikki Äijälä", "Äijälä Tuulikki" and
/// "Äijälä, Tuulikki" are one person). In order: (a) a label equal to a candidate's key or one of
/// its full names in either order picks that candidate; (b) otherwise a label equal to a first
/// name or a surname (the first and last words of "First Last", the surname and the first given
/// name of "Last, First") picks the candidate when exactly one has such a name; anything else is
/// unmatched, and several candidates at the deciding step are reported as ambiguous.
public struct SpeakerMatcher: Sendable {
    /// A candidate's id with the search keys of its key, full names and first and last names.
    private struct Entry: Sendable {
        var id: String
        var exactKeys: Set<String>
        var wordKeys: Set<String>
    }

    private let entries: [Entry]

    /// Prepares to match against `candidates`, computing their search keys once.
    public init(candidates: [SpeakerCandidate]) {
        entries = candidates.map { candidate in
            var exact: Set<String> = [UnicodeText.searchKey(candidate.id)]
            var words: Set<String> = []
            for name in candidate.names {
                let name = Name(name)
                exact.formUnion(name.orders.map { $0.joined(separator: " ") })
                words.formUnion(name.singleNames)
            }
            exact.remove("")
            return Entry(id: candidate.id, exactKeys: exact, wordKeys: words)
        }
    }

    /// Matches one speaker label.
    public func match(_ label: String) -> SpeakerMatch {
        let key = UnicodeText.searchKey(label)
        let written = Name(label).written.joined(separator: " ")
        guard !key.isEmpty, !written.isEmpty else { return .unmatched }
        let exact = ids(of: entries.filter { $0.exactKeys.contains(key) || $0.exactKeys.contains(written) })
        if !exact.isEmpty { return Self.decide(exact) }
        return Self.decide(ids(of: entries.filter { $0.wordKeys.contains(written) }))
    }

    /// Matches every label, each once, keyed by the label as given.
    public func matchAll<Labels: Sequence>(_ labels: Labels) -> [String: SpeakerMatch] where Labels.Element == String {
        var results: [String: SpeakerMatch] = [:]
        for label in labels where results[label] == nil {
            results[label] = match(label)
        }
        return results
    }

    /// The distinct ids of `found`, in candidate order: one person listed twice is still one person.
    private func ids(of found: [Entry]) -> [String] {
        var seen: Set<String> = []
        return found.map(\.id).filter { seen.insert($0).inserted }
    }

    /// One id is a match, none is unmatched, more are ambiguous.
    private static func decide(_ ids: [String]) -> SpeakerMatch {
        switch ids.count {
        case 0: .unmatched
        case 1: .matched(ids[0])
        default: .ambiguous(ids)
        }
    }

}

/// A name or label as folded words, in the orders a transcript may write it.
private struct Name {
    /// The words in the order written, without the comma of "Last, First".
    var written: [String] = []
    /// Every order the full name may be written in.
    var orders: [[String]] = []
    /// The words that stand alone for the person: first name and surname.
    var singleNames: Set<String> = []

    /// "Äijälä, Tuulikki" is also "Tuulikki Äijälä"; a name without a comma may be written surname
    /// first or last ("Äijälä Tuulikki" or "Tuulikki Äijälä"), so its last word may move to the
    /// front and its first word to the end. Its first name and surname are its first and last words;
    /// those of "Last, First" are the first word after the comma and the surname before it (whole,
    /// and its last word, as in "van der Berg").
    init(_ text: String) {
        let parts = UnicodeText.searchKey(text).split(separator: ",", maxSplits: 1)
        let before = Self.words(of: parts.first ?? "")
        let after = parts.count > 1 ? Self.words(of: parts[1]) : []
        written = before + after
        guard let first = written.first, let last = written.last else { return }
        if !before.isEmpty, !after.isEmpty {
            orders = [written, after + before]
            singleNames = [after[0], before.joined(separator: " "), before[before.count - 1]]
        } else {
            orders = [written, [last] + written.dropLast(), Array(written.dropFirst()) + [first]]
            singleNames = [first, last]
        }
    }

    /// Folded words without the punctuation around them ("virtanen:" is "virtanen").
    private static func words(of text: Substring) -> [String] {
        text.split(separator: " ").map { word in
            String(word.drop { !($0.isLetter || $0.isNumber) }.reversed().drop { !($0.isLetter || $0.isNumber) }.reversed())
        }.filter { !$0.isEmpty }
    }
}

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
/// matter ("AIJALA" matches "Äijälä"). In order: (a) a label equal to a candidate's key or one of
/// its full names picks that candidate; (b) otherwise a label equal to the first or last word of
/// a name picks the candidate when exactly one has such a name; anything else is unmatched, and
/// several candidates at the deciding step are reported as ambiguous.
public struct SpeakerMatcher: Sendable {
    /// A candidate's id with the search keys of its key, full names and first and last words.
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
                let key = UnicodeText.searchKey(name)
                guard !key.isEmpty else { continue }
                exact.insert(key)
                let parts = key.split(separator: " ")
                if let first = parts.first, let last = parts.last {
                    words.insert(String(first))
                    words.insert(String(last))
                }
            }
            exact.remove("")
            return Entry(id: candidate.id, exactKeys: exact, wordKeys: words)
        }
    }

    /// Matches one speaker label.
    public func match(_ label: String) -> SpeakerMatch {
        let key = UnicodeText.searchKey(label)
        guard !key.isEmpty else { return .unmatched }
        let exact = ids(of: entries.filter { $0.exactKeys.contains(key) })
        if !exact.isEmpty { return Self.decide(exact) }
        return Self.decide(ids(of: entries.filter { $0.wordKeys.contains(key) }))
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

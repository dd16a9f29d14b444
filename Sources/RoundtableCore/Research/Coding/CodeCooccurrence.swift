import Foundation

/// Which codes were applied to overlapping text, counted one text (a transcript turn) at a time.
///
/// Two codings of different codes on the same turn co-occur when their spans share a character;
/// a coding of the whole turn overlaps every other coding on it. A pair of codes is counted once
/// for each pair of codings that overlap, and its `turns` count says on how many turns that happened.
/// Two codings of the same code are not a pair, nor are two coders' codings when coders are given.
public struct CodeCooccurrence: Sendable {
    /// Two codes that overlap, by id, the smaller id first.
    public struct Pair: Hashable, Sendable {
        public var first: Int64
        public var second: Int64
    }

    /// How often a pair overlapped.
    public struct Tally: Equatable, Sendable {
        /// Pairs of overlapping codings.
        public var count = 0
        /// Turns on which the codes overlapped.
        public var turns = 0
    }

    /// The tallies so far, by pair.
    public private(set) var tallies: [Pair: Tally] = [:]

    /// An empty tally.
    public init() {}

    /// Counts the codings of one text: each its code's id and its span, nil for the whole text.
    /// With `coders` (one per coding), only codings by the same coder pair up: where two coders'
    /// codings overlap, that is agreement or disagreement between them, not co-occurrence.
    public mutating func add(_ codings: [(code: Int64, span: TextSpan?)], coders: [String]? = nil) {
        var seen = Set<Pair>()
        for (index, one) in codings.enumerated() {
            for otherIndex in (index + 1)..<codings.count {
                let other = codings[otherIndex]
                guard one.code != other.code, coders.map({ $0[index] == $0[otherIndex] }) ?? true else { continue }
                if let a = one.span, let b = other.span, !a.overlaps(b) { continue }
                let pair = Pair(first: min(one.code, other.code), second: max(one.code, other.code))
                tallies[pair, default: Tally()].count += 1
                if seen.insert(pair).inserted { tallies[pair, default: Tally()].turns += 1 }
            }
        }
    }
}

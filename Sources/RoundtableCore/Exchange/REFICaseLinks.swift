import Foundation

/// Who speaks which turn, by the cases' references to selections. REFI-QDA has no speaker: a case
/// (a participant) refers to the selections that are their turns, as `export refi` writes them.
public enum REFICaseLinks {
    /// For each turn, the index in `cases` of the one case that refers to a selection covering the
    /// turn's text (the selection starts on the turn's line, no later than its text, and ends at or
    /// after the text's end); nil for none. A turn claimed by several cases is nobody's, with a warning.
    public static func speakers(of turns: [REFIImportTurn], selections: [REFIImportSelection], cases: [REFIImportCase],
                                source: String, warnings: inout [String]) -> [Int?] {
        speakers(of: turns, selections: selections, owners: Owners(cases), cases: cases, source: source, warnings: &warnings)
    }

    /// A selection some case refers to: where it lies, and its owners (`owner`, or `several` when more than one).
    private struct Claim {
        var start: Int
        var end: Int
        var owner: Int
        var several: [Int]?
    }

    /// `speakers` with the owners found beforehand (sealed).
    public static func speakers(of turns: [REFIImportTurn], selections: [REFIImportSelection], owners: Owners,
                                cases: [REFIImportCase], source: String, warnings: inout [String]) -> [Int?] {
        speakers(count: turns.count, bounds: { (turns[$0].lineStart, turns[$0].start, turns[$0].end, turns[$0].line) },
                 selections: selections, owners: owners, cases: cases, source: source, warnings: &warnings)
    }

    /// `speakers` of turns as `REFITurnSplitter.cut` gives them, without making their text.
    public static func speakers(of cuts: REFITurnCuts, selections: [REFIImportSelection], owners: Owners,
                                cases: [REFIImportCase], source: String, warnings: inout [String]) -> [Int?] {
        speakers(count: cuts.count, bounds: cuts.bounds, selections: selections, owners: owners, cases: cases, source: source,
                 warnings: &warnings)
    }

    private static func speakers(count: Int, bounds: (Int) -> (lineStart: Int, start: Int, end: Int, line: Int),
                                 selections: [REFIImportSelection], owners: Owners, cases: [REFIImportCase], source: String,
                                 warnings: inout [String]) -> [Int?] {
        guard !owners.isEmpty else { return Array(repeating: nil, count: count) }
        // One flat array sorted by start, not a dictionary of arrays of sets: a source of 100k turns
        // had cost 14 MB in small allocations.
        var claims: [Claim] = []
        claims.reserveCapacity(selections.count)
        for selection in selections {
            guard let guid = selection.guid else { continue }
            let found = owners.cases(of: guid)
            guard let first = found.first else { continue }
            claims.append(Claim(start: selection.start, end: selection.end, owner: first, several: found.count > 1 ? found : nil))
        }
        claims.sort { $0.start < $1.start }
        return (0..<count).map { index in
            let turn = bounds(index)
            var claimed: Int?
            var more: Set<Int> = []
            // Anywhere from the line's start to the text's: the label, or spaces before the text, may be in it.
            let last = max(turn.lineStart, turn.start)
            var next = firstClaim(in: claims, from: turn.lineStart)
            while next < claims.count, claims[next].start <= last {
                let claim = claims[next]
                next += 1
                guard claim.end >= turn.end else { continue }
                guard let several = claim.several else {
                    if claimed == nil { claimed = claim.owner } else if claim.owner != claimed { more.insert(claim.owner) }
                    continue
                }
                for owner in several where owner != claimed {
                    if claimed == nil { claimed = owner } else { more.insert(owner) }
                }
            }
            guard more.isEmpty else {
                let names = more.union([claimed!]).sorted().map { "'\(cases[$0].name)'" }.joined(separator: ", ")
                warnings.append("\(source):\(turn.line): the turn is claimed by several cases (\(names)); left to its label")
                return nil
            }
            return claimed
        }
    }

    /// The index of the first claim starting at or after `start`.
    private static func firstClaim(in claims: [Claim], from start: Int) -> Int {
        var low = 0, high = claims.count
        while low < high {
            let middle = (low + high) / 2
            if claims[middle].start < start { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

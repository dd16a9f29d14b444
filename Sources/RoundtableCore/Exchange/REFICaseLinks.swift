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

    /// Which cases refer to each selection, found once for a whole project: a million turns'
    /// references, rebuilt for every source, had cost more than the turns themselves.
    public struct Owners: Sendable {
        /// The one case referring to a selection; most selections are one person's turn.
        private var single: [String: Int] = [:]
        /// Selections that several cases refer to.
        private var several: [String: Set<Int>] = [:]

        /// The owners of every selection the cases refer to.
        public init(_ cases: [REFIImportCase]) {
            for (index, person) in cases.enumerated() {
                for guid in person.selectionGUIDs {
                    if let other = single[guid] {
                        if other != index { several[guid, default: [other]].insert(index) }
                    } else {
                        single[guid] = index
                    }
                }
            }
        }

        var isEmpty: Bool { single.isEmpty }

        func cases(of guid: String) -> Set<Int>? {
            if let many = several[guid] { return many }
            return single[guid].map { [$0] }
        }
    }

    /// `speakers` with the owners found beforehand.
    public static func speakers(of turns: [REFIImportTurn], selections: [REFIImportSelection], owners: Owners,
                                cases: [REFIImportCase], source: String, warnings: inout [String]) -> [Int?] {
        guard !owners.isEmpty else { return turns.map { _ in nil } }
        var byStart: [Int: [(end: Int, cases: Set<Int>)]] = [:]
        for selection in selections {
            guard let guid = selection.guid, let claimed = owners.cases(of: guid) else { continue }
            byStart[selection.start, default: []].append((selection.end, claimed))
        }
        return turns.map { turn in
            var claimed = Set<Int>()
            // Anywhere from the line's start to the text's: the label, or spaces before the text, may be in it.
            for start in turn.lineStart...max(turn.lineStart, turn.start) {
                for candidate in byStart[start] ?? [] where candidate.end >= turn.end { claimed.formUnion(candidate.cases) }
            }
            guard claimed.count <= 1 else {
                let names = claimed.sorted().map { "'\(cases[$0].name)'" }.joined(separator: ", ")
                warnings.append("\(source):\(turn.line): the turn is claimed by several cases (\(names)); left to its label")
                return nil
            }
            return claimed.first
        }
    }
}

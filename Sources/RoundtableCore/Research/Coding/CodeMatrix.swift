import Foundation

/// How often each code was applied to each case (participant, session, concept or attribute value):
/// codes as rows in codebook order, cases as columns, with a total for each row and column.
///
/// A cell counts codings: one per code applied to a span (or the whole) of a text. A code's own
/// codings are counted under it alone unless `includesChildren`, when each row also counts the
/// codings of every code below it. The totals row counts each coding once either way.
public struct CodeMatrix: Sendable, Equatable {
    /// What the columns are.
    public enum Dimension: Sendable, Equatable {
        case participant
        case session
        case concept
        /// The values of one participant attribute, such as `segment`.
        case attribute(String)
    }

    /// What the counted codings are applied to.
    public enum Unit: String, Sendable {
        /// Turns of session transcripts.
        case turns
        /// Comments of reactions to concepts.
        case reactionComments
    }

    /// One column.
    public struct Case: Sendable, Equatable, Hashable {
        /// What identifies it: `P-000001`, `S-0001`, a concept key, an attribute value, or a
        /// parenthesised word for a column that gathers the rest, such as `(none)`.
        public var key: String
        /// How people know it: a name, a title; the key again for attribute values.
        public var label: String

        /// Creates a case.
        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }
    }

    /// One code.
    public struct Row: Sendable, Equatable {
        /// `Channel/Phone`.
        public var path: String
        /// 0 for a top-level code.
        public var depth: Int
        /// One count per case, in column order.
        public var counts: [Int]
        /// The row's sum.
        public var total: Int
    }

    public var dimension: Dimension
    public var unit: Unit
    /// Whether a row also counts the codings of the codes below it.
    public var includesChildren: Bool
    /// The columns.
    public var cases: [Case]
    /// Codes that were applied in scope, with their ancestors, in codebook order (parents first).
    public var rows: [Row]
    /// Codings per case, each counted once.
    public var caseTotals: [Int]
    /// Every coding counted.
    public var total: Int

    /// Builds the matrix from `counts` (code id → one count per case) over `codes`, the whole
    /// codebook in creation order.
    public init(dimension: Dimension, unit: Unit, cases: [Case], codes: [Code], counts: [Int64: [Int]], includesChildren: Bool) {
        self.dimension = dimension
        self.unit = unit
        self.includesChildren = includesChildren
        self.cases = cases
        let zero = Array(repeating: 0, count: cases.count)
        var children: [Int64?: [Code]] = [:]
        for code in codes { children[code.parentId, default: []].append(code) }
        var rows: [Row] = []
        // Depth first, so a code's row comes before its children's; returns the subtree's counts.
        func visit(_ code: Code, path: String, depth: Int) -> (used: Bool, counts: [Int]) {
            let own = counts[code.id ?? 0] ?? zero
            let index = rows.count
            rows.append(Row(path: path, depth: depth, counts: [], total: 0))
            var subtree = own
            var used = own.contains { $0 > 0 }
            for child in children[code.id] ?? [] {
                let below = visit(child, path: path + String(Code.pathSeparator) + child.name, depth: depth + 1)
                used = used || below.used
                if below.used { subtree = zip(subtree, below.counts).map(+) }
            }
            guard used else {
                rows.removeSubrange(index...)
                return (false, zero)
            }
            rows[index].counts = includesChildren ? subtree : own
            rows[index].total = rows[index].counts.reduce(0, +)
            return (true, subtree)
        }
        var totals = zero
        for root in children[nil] ?? [] {
            let tree = visit(root, path: root.name, depth: 0)
            if tree.used { totals = zip(totals, tree.counts).map(+) }
        }
        self.rows = rows
        caseTotals = totals
        total = totals.reduce(0, +)
    }
}

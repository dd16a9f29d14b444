import Foundation
import RoundtableCore

/// A code in the codebook tree, with its path and how often it was applied.
public struct CodeNode: Sendable {
    /// The code itself.
    public var code: Code
    /// `Channel/Phone`.
    public var path: String
    /// 0 for a top-level code, 1 for its children, and so on.
    public var depth: Int
    /// How many codings apply this code (not counting its children's).
    public var codings: Int
    /// The codes directly under this one, in the order they were created.
    public var children: [CodeNode]

    /// Creates a node.
    public init(code: Code, path: String, depth: Int, codings: Int, children: [CodeNode] = []) {
        self.code = code
        self.path = path
        self.depth = depth
        self.codings = codings
        self.children = children
    }

    /// This node followed by every node below it, parents before children.
    public var preorder: [CodeNode] {
        [self] + children.flatMap(\.preorder)
    }
}

extension Sequence where Element == CodeNode {
    /// Every node of these trees, parents before children, as a listing shows them.
    public var preorder: [CodeNode] { flatMap(\.preorder) }
}

/// What an import of codebook entries did, counting each code once.
public struct CodeImportCounts: Sendable, Equatable {
    /// Codes that did not exist before, including parents created along a path.
    public var created: Int
    /// Existing codes whose description or colour changed.
    public var updated: Int
    /// Existing codes named by an entry that already matched it.
    public var unchanged: Int

    /// Creates counts.
    public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }
}

extension Codebook {
    /// The codebook as trees, siblings in creation order, with the number of codings per code id.
    func tree(codings: [Int64: Int]) -> [CodeNode] {
        let byParent = Dictionary(grouping: codes) { $0.parentId ?? 0 }
        func nodes(under parentId: Int64?, depth: Int, prefix: String) -> [CodeNode] {
            (byParent[parentId ?? 0] ?? []).map { code in
                let path = prefix + code.name
                return CodeNode(code: code, path: path, depth: depth, codings: codings[code.id!] ?? 0,
                                children: nodes(under: code.id, depth: depth + 1, prefix: path + String(Code.pathSeparator)))
            }
        }
        return nodes(under: nil, depth: 0, prefix: "")
    }

    /// A node for one code without its children, as `addCode` returns it.
    func node(_ code: Code, codings: Int = 0) -> CodeNode {
        CodeNode(code: code, path: path(of: code), depth: names(of: code).count - 1, codings: codings)
    }
}

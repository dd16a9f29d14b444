import Foundation
import GRDB
import RoundtableCore

/// The whole codebook in memory, for resolving references and building paths: a codebook holds
/// hundreds of codes, so one read beats a recursive query per lookup.
struct Codebook {
    /// Every code, in creation order (which is also the order siblings are listed in).
    private(set) var codes: [Code]
    private var byId: [Int64: Code]

    /// Reads every code of the workspace.
    init(_ db: Database) throws {
        codes = try Code.order(Column("id")).fetchAll(db)
        byId = Dictionary(uniqueKeysWithValues: codes.map { ($0.id!, $0) })
    }

    /// Remembers a code just inserted or updated in the same transaction.
    mutating func remember(_ code: Code) {
        if let index = codes.firstIndex(where: { $0.id == code.id }) { codes[index] = code } else { codes.append(code) }
        byId[code.id!] = code
    }

    /// The names from the top-level code down to `code`.
    func names(of code: Code) -> [String] {
        var names = [code.name]
        var parent = code.parentId
        while let id = parent, let ancestor = byId[id] {
            names.insert(ancestor.name, at: 0)
            parent = ancestor.parentId
        }
        return names
    }

    /// `Channel/Phone`.
    func path(of code: Code) -> String {
        names(of: code).joined(separator: String(Code.pathSeparator))
    }

    /// The code with id `id`.
    func code(_ id: Int64) -> Code? { byId[id] }

    /// The child of `parentId` (nil: top level) called `name`, whatever its case.
    func child(named name: String, of parentId: Int64?) -> Code? {
        let folded = Self.fold(name)
        return codes.first { $0.parentId == parentId && Self.fold($0.name) == folded }
    }

    /// Finds the code a user named: a path such as `Channel/Phone`, `/Phone` for a top-level code, or
    /// a bare name that only one code in the codebook has. Case does not matter.
    func resolve(_ reference: String) throws -> Code {
        let trimmed = UnicodeText.trimmed(reference)
        let anchored = trimmed.first == Code.pathSeparator
        let names = try Self.splitPath(anchored ? String(trimmed.dropFirst()) : trimmed, reference: reference)
        if names.count == 1 && !anchored {
            let folded = Self.fold(names[0])
            let matches = codes.filter { Self.fold($0.name) == folded }
            guard matches.count <= 1 else {
                let paths = matches.map(path(of:)).sorted().joined(separator: ", ")
                throw RoundtableError.rule("code name '\(names[0])' is ambiguous: it could be \(paths); give the path")
            }
            guard let only = matches.first else { throw RoundtableError.notFound("code", names[0]) }
            return only
        }
        var found: Code?
        for name in names {
            guard let next = child(named: name, of: found?.id) else {
                throw RoundtableError.notFound("code", names.joined(separator: String(Code.pathSeparator)))
            }
            found = next
        }
        guard let found else { throw RoundtableError.usage("give a code name") }
        return found
    }

    /// Splits `Channel/Phone` into its names, each trimmed and composed, refusing empty parts.
    static func splitPath(_ text: String, reference: String) throws -> [String] {
        let names = text.split(separator: Code.pathSeparator, omittingEmptySubsequences: false)
            .map { UnicodeText.composed(String($0)) }
        guard !names.contains(where: \.isEmpty) else {
            throw RoundtableError.usage("code path '\(reference)' has an empty part (expected a name or a path like Channel/Phone)")
        }
        return names
    }

    /// The form names are compared in: composed and lower-cased, so `phone`, `Phone` and `PHONE` match.
    static func fold(_ name: String) -> String {
        UnicodeText.composed(name).lowercased()
    }
}

import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Adds a code under `parent` (a path such as `Channel`, or a name only one code has), or at the
    /// top level when there is none.
    @discardableResult
    public func addCode(name: String, parent: String? = nil, description: String? = nil, color: String? = nil) throws -> CodeNode {
        let name = try Code.validateName(name)
        let description = try Self.checkedCodeDescription(description)
        let color = try color.map(Code.validateColor)
        return try write { db in
            var codebook = try Codebook(db)
            let parentCode = try parent.map { try codebook.resolve($0) }
            let code = try insertCode(db, &codebook, name: name, parent: parentCode, description: description, color: color)
            let node = codebook.node(code)
            try audit(db, "code.add", node.path, color ?? "")
            return node
        }
    }

    /// The codebook as trees of codes, siblings in the order they were created, with coding counts.
    public func codes() throws -> [CodeNode] {
        try read { db in
            let counts = try Row.fetchAll(db, sql: "SELECT codeId, COUNT(*) FROM coding GROUP BY codeId")
            return try Codebook(db).tree(codings: Dictionary(uniqueKeysWithValues: counts.map { ($0[0], $0[1]) }))
        }
    }

    /// One code by path or unique name, with its own coding count and no children.
    public func code(_ reference: String) throws -> CodeNode {
        try read { db in
            let codebook = try Codebook(db)
            let code = try codebook.resolve(reference)
            return codebook.node(code, codings: try Coding.filter(Column("codeId") == code.id!).fetchCount(db))
        }
    }

    /// Loads codebook entries in one transaction: creates the codes missing along each path and
    /// sets the description and colour an entry gives on codes that exist (nil leaves them as they are).
    /// An entry's GUID finds a code again even if the file renamed it, and a code created from an
    /// entry keeps the entry's GUID, so codebooks go back and forth between tools without duplicates.
    public func importCodes(_ entries: [CodebookEntry]) throws -> CodeImportCounts {
        try write { db in try importCodes(db, entries) }
    }

    /// `importCodes` inside a transaction the caller holds.
    func importCodes(_ db: Database, _ entries: [CodebookEntry]) throws -> CodeImportCounts {
        var codebook = try Codebook(db)
        var created: Set<Int64> = []
        var touched: [Int64: Bool] = [:]
        for entry in entries {
            let (code, changed) = try importCode(db, &codebook, try entry.checked(), created: &created)
            if !created.contains(code.id!) { touched[code.id!] = (touched[code.id!] ?? false) || changed }
        }
        let counts = CodeImportCounts(created: created.count, updated: touched.values.count { $0 },
                                      unchanged: touched.values.count { !$0 })
        try audit(db, "code.import", "codebook",
                  "\(counts.created) created, \(counts.updated) updated, \(counts.unchanged) unchanged")
        return counts
    }

    /// Creates or updates the code of one checked entry, recording the ids it creates; returns the
    /// code and whether an existing one changed.
    private func importCode(_ db: Database, _ codebook: inout Codebook, _ entry: CodebookEntry,
                            created: inout Set<Int64>) throws -> (Code, changed: Bool) {
        let (names, description, color, guid) = (entry.path, entry.description, entry.color, entry.guid)
        guard let leaf = names.last else { throw RoundtableError.rule("a codebook entry has no code name") }
        var code: Code
        if let guid, var known = codebook.codes.first(where: { $0.guid == guid }) {
            // The same code, perhaps renamed in the other tool: follow the name unless a sibling has it.
            if known.name != leaf, codebook.child(named: leaf, of: known.parentId) == nil { known.name = leaf }
            code = known
        } else {
            var parent: Code?
            for (index, name) in names.enumerated() {
                let isLast = index == names.count - 1
                if let existing = codebook.child(named: name, of: parent?.id) {
                    parent = existing
                } else {
                    let unusedGUID = guid.flatMap { guid in codebook.codes.contains { $0.guid == guid } ? nil : guid }
                    let code = try insertCode(db, &codebook, name: name, parent: parent, description: isLast ? description : nil,
                                              color: isLast ? color : nil, guid: isLast ? unusedGUID : nil)
                    created.insert(code.id!)
                    if isLast { return (code, false) }
                    parent = code
                }
            }
            // Every name either found its code or created one (the last one returned above).
            guard let found = parent else { throw RoundtableError.usage("a codebook entry has no code name") }
            code = found
        }
        let before = codebook.code(code.id!) ?? code
        if let description { code.description = description }
        if let color { code.color = color }
        guard code != before else { return (code, false) }
        try code.update(db)
        codebook.remember(code)
        return (code, true)
    }

    /// Inserts a code after checking that no sibling has its name in any case.
    func insertCode(_ db: Database, _ codebook: inout Codebook, name: String, parent: Code?, description: String?,
                    color: String?, guid: String? = nil) throws -> Code {
        if let existing = codebook.child(named: name, of: parent?.id) {
            throw RoundtableError.rule("code \(codebook.path(of: existing)) already exists")
        }
        var code = Code(parentId: parent?.id, name: name, description: description, color: color, createdAt: clock(),
                        guid: guid ?? GUID.make())
        try code.insert(db)
        codebook.remember(code)
        return code
    }

    static func checkedCodeDescription(_ description: String?) throws -> String? {
        try Code.validateDescription(description)
    }
}

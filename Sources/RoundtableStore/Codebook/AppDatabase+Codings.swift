import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Applies `code` (a path or unique name) to the text of `target` (`U-…`, `N-…`, `C-…` or the
    /// comment of `R-…`), over scalars `start..<end`, or the whole text when both are nil, for
    /// `coder` (default: the workspace actor).
    @discardableResult
    public func applyCode(_ code: String, to target: EntityKey, from start: Int? = nil, to end: Int? = nil,
                          coder: String? = nil) throws -> CodedSpan {
        let codingTarget = try CodingTarget(key: target)
        let coder = try coder.map { try TextRules.token($0, what: "the coder") } ?? actor
        guard (start == nil) == (end == nil) else {
            throw RoundtableError.usage("give both --from and --to for a span, or neither to code the whole text")
        }
        return try write { db in
            let codebook = try Codebook(db)
            let code = try codebook.resolve(code)
            let path = codebook.path(of: code)
            let text = try Self.codingText(db, codingTarget)
            var span: TextSpan?
            if let start, let end {
                do {
                    span = try TextSpan.checked(start: start, end: end, in: text)
                } catch let error as RoundtableError {
                    // The Core message speaks of "the utterance"; name the actual target instead.
                    throw RoundtableError(error.kind, error.message.replacingOccurrences(of: "the utterance", with: "\(target)"))
                }
            }
            let length = text.unicodeScalars.count
            let covered = span ?? TextSpan(start: 0, end: length)
            // Per coder: a second coder applying the same code to the same span is what agreement compares.
            let existing = try Coding.filter(Column("codeId") == code.id! && Column(codingTarget.column) == codingTarget.id
                                             && Column("coder") == coder)
                .fetchAll(db)
            if existing.contains(where: { ($0.span ?? TextSpan(start: 0, end: length)) == covered }) {
                throw RoundtableError.rule("\(path) is already applied to \(target) [\(covered.start), \(covered.end))")
            }
            var coding = Coding(codeId: code.id!, target: codingTarget, span: span, coder: coder, createdAt: clock())
            try coding.insert(db)
            try audit(db, "code.apply", "\(target)", "\(path) [\(covered.start), \(covered.end))"
                      + (coder == actor ? "" : " for \(coder)"))
            return CodedSpan(coding: coding, codePath: path, targetText: text)
        }
    }

    /// Removes the one coding of `code` on `target` that the span (`start..<end`; the whole text
    /// equals its full span) and `coder`, when given, pick out; several left is refused with their list.
    @discardableResult
    public func unapplyCode(_ code: String, from target: EntityKey, start: Int? = nil, end: Int? = nil,
                            coder: String? = nil) throws -> CodedSpan {
        let codingTarget = try CodingTarget(key: target)
        guard (start == nil) == (end == nil) else {
            throw RoundtableError.usage("give both --from and --to for a span, or neither")
        }
        let coder = try coder.map { try TextRules.token($0, what: "the coder") }
        return try write { db in
            let codebook = try Codebook(db)
            let code = try codebook.resolve(code)
            let path = codebook.path(of: code)
            let text = try Self.codingText(db, codingTarget)
            let whole = TextSpan(start: 0, end: text.unicodeScalars.count)
            var candidates = try Coding.filter(Column("codeId") == code.id! && Column(codingTarget.column) == codingTarget.id)
                .order(Column("id")).fetchAll(db)
            if let start, let end { candidates.removeAll { ($0.span ?? whole) != TextSpan(start: start, end: end) } }
            if let coder { candidates.removeAll { $0.coder != coder } }
            let narrowed = (start.map { " [\($0), \(end!))" } ?? "") + (coder.map { " by \($0)" } ?? "")
            guard let coding = candidates.first else {
                throw RoundtableError.rule("\(path) is not applied to \(target)\(narrowed)")
            }
            guard candidates.count == 1 else {
                let list = candidates.map { coding in
                    let span = coding.span ?? whole
                    return "[\(span.start), \(span.end)) by \(coding.coder)" + (coding.batchId.map { " (batch \($0))" } ?? "")
                }
                throw RoundtableError.rule("\(path) is applied to \(target) \(candidates.count) times\(narrowed): "
                    + list.joined(separator: "; ") + "; give " + (coder == nil ? "--from and --to, or --coder," : "--from and --to")
                    + " to pick one")
            }
            _ = try coding.delete(db)
            let span = coding.span ?? whole
            try audit(db, "code.unapply", "\(target)", "\(path) [\(span.start), \(span.end)) by \(coding.coder)")
            return CodedSpan(coding: coding, codePath: path, targetText: text)
        }
    }

    /// Every coding that applies `code` (a path or unique name, not its children), oldest first.
    public func codings(code: String) throws -> [CodedSpan] {
        try read { db in
            let codebook = try Codebook(db)
            let code = try codebook.resolve(code)
            return try Self.codedSpans(db, codebook, where: "coding.codeId = ?", [code.id!])
        }
    }

    /// Every coding of one utterance, note, comment card or reaction, in text order.
    public func codings(target: EntityKey) throws -> [CodedSpan] {
        let codingTarget = try CodingTarget(key: target)
        return try read { db in
            _ = try Self.codingText(db, codingTarget)
            return try Self.codedSpans(db, Codebook(db), where: "coding.\(codingTarget.column) = ?",
                                       [codingTarget.id])
                .sorted { ($0.span.start, $0.span.end, $0.coding.id!) < ($1.span.start, $1.span.end, $1.coding.id!) }
        }
    }

    /// The text a coding of `target` counts its offsets in, failing when the target does not exist
    /// or (for a reaction) has no comment.
    static func codingText(_ db: Database, _ target: CodingTarget) throws -> String {
        let key = target.key
        switch target {
        case .utterance(let id):
            guard let utterance = try Utterance.fetchOne(db, key: id) else { throw RoundtableError.notFound("utterance", "\(key)") }
            return utterance.text
        case .note(let id):
            guard let note = try Note.fetchOne(db, key: id) else { throw RoundtableError.notFound("note", "\(key)") }
            return note.text
        case .commentCard(let id):
            guard let card = try CommentCard.fetchOne(db, key: id) else { throw RoundtableError.notFound("comment card", "\(key)") }
            return card.text
        case .reaction(let id):
            guard let reaction = try Reaction.fetchOne(db, key: id) else { throw RoundtableError.notFound("reaction", "\(key)") }
            guard let comment = reaction.comment, !comment.isEmpty else {
                throw RoundtableError.rule("\(key) has no comment to code")
            }
            return comment
        }
    }

    /// Codings matching a condition on `coding`, each with the current text of its target.
    static func codedSpans(_ db: Database, _ codebook: Codebook, where condition: String,
                           _ arguments: StatementArguments) throws -> [CodedSpan] {
        try Row.fetchAll(db, sql: """
            SELECT coding.*, COALESCE(u.text, n.text, c.text, r.comment, '') AS targetText FROM coding
            LEFT JOIN utterance u ON u.id = coding.utteranceId
            LEFT JOIN note n ON n.id = coding.noteId
            LEFT JOIN commentCard c ON c.id = coding.commentCardId
            LEFT JOIN reaction r ON r.id = coding.reactionId
            WHERE \(condition) ORDER BY coding.id
            """, arguments: arguments).map { row in
            let coding = try Coding(row: row)
            let path = codebook.code(coding.codeId).map(codebook.path(of:)) ?? "?"
            return CodedSpan(coding: coding, codePath: path, targetText: row["targetText"])
        }
    }
}

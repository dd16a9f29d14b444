import Foundation
import GRDB
import RoundtableCore

/// A person new to the workspace whose e-mail (case-folded) is an existing participant's: maybe
/// the same person, sent by another partner or added by hand. Imported all the same (a shared
/// address is no proof of identity) and reported, for someone who knows them to decide.
public struct PossibleDuplicate: Sendable, Hashable {
    /// The line of the row that brought the new person.
    public var line: Int
    /// The new person (a dry run's key is not kept).
    public var participant: EntityKey
    /// The participant who already had the address.
    public var existing: EntityKey
    /// The existing participant's name, for the message.
    public var existingName: String
}

/// Finds possible duplicates among the people an import adds, in one set-based query once the
/// rows are written: the hot path only notes each new person's line. A workspace with no one
/// reachable by e-mail before the import (every benchmark's empty one) skips it all.
struct EmailDuplicates {
    /// People with ids from here on are new in this import.
    let firstNewId: Int64
    /// The line of new person `firstNewId + index` (0 for none).
    private var lines: [UInt32] = []

    /// Nil when no existing participant has an e-mail, so no new person can match one.
    init?(_ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM participant WHERE email IS NOT NULL AND erasedAt IS NULL)")
            == true
        else { return nil }
        firstNewId = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM participant") ?? 0) + 1
        db.add(function: Self.emailKey)
    }

    /// Notes where new person `id` came from; ids arrive in increasing order.
    mutating func note(_ id: Int64, line: Int) {
        let index = Int(id - firstNewId)
        guard index >= lines.count else { return }
        if index > lines.count { lines.append(contentsOf: repeatElement(0, count: index - lines.count)) }
        lines.append(UInt32(clamping: line))
    }

    /// Every new person whose e-mail an existing, not forgotten participant has, by line.
    func find(_ db: Database) throws -> [PossibleDuplicate] {
        guard !lines.isEmpty else { return [] }
        // The new people's addresses are folded once into a temporary B-tree (SQLite's automatic
        // index), and each existing person's address is looked up in it: one pass over each side.
        return try Row.fetchAll(db, sql: """
            WITH fresh(id, address) AS MATERIALIZED (
              SELECT id, roundtable_email_key(email) FROM participant WHERE id >= ? AND email IS NOT NULL)
            SELECT fresh.id, old.id, old.displayName
            FROM participant old JOIN fresh ON fresh.address = roundtable_email_key(old.email)
            WHERE old.id < ? AND old.email IS NOT NULL AND old.erasedAt IS NULL
            """, arguments: [firstNewId, firstNewId]).compactMap { row in
            let id: Int64 = row[0]
            let index = Int(id - firstNewId)
            guard lines.indices.contains(index) else { return nil }
            return PossibleDuplicate(line: Int(lines[index]), participant: EntityKey(.participant, id: id),
                                     existing: EntityKey(.participant, id: row[1]), existingName: row[2])
        }.sorted { ($0.line, $0.existing.id) < ($1.line, $1.existing.id) }
    }

    /// `roundtable_email_key(text)`: `ContactRules.emailKey`, registered for the import's query only.
    static let emailKey = DatabaseFunction("roundtable_email_key", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(ContactRules.emailKey)
    }
}

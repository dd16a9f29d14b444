import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Adds a moderator and returns it with its key.
    public func addModerator(name: String, email: String, timeZone: String) throws -> Moderator {
        try write { db in try addModerator(db, name: name, email: email, timeZone: timeZone) }
    }

    /// Every moderator, by key.
    public func moderators() throws -> [Moderator] {
        try read { db in try Moderator.order(Column("id")).fetchAll(db) }
    }

    /// One moderator by key.
    public func moderator(_ key: EntityKey) throws -> Moderator {
        try read { db in try Lookup.moderator(db, key) }
    }

    func addModerator(_ db: Database, name: String, email: String, timeZone: String) throws -> Moderator {
        let name = try TextRules.name(name, what: "a moderator's name")
        let email = try ContactRules.email(email)
        let zone = try Zone.named(timeZone)
        if let existing = try Moderator.filter(sql: "email = ? COLLATE NOCASE", arguments: [email]).fetchOne(db) {
            throw RoundtableError.rule("moderator \(existing.key) (\(existing.name)) already has e-mail \(email)")
        }
        var moderator = Moderator(name: name, email: email, timeZone: Zone.name(of: zone), createdAt: clock())
        try moderator.insert(db)
        try audit(db, "moderator.add", "\(moderator.key)", moderator.name)
        return moderator
    }
}

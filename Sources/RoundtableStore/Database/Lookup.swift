import Foundation
import GRDB
import RoundtableCore

/// Finds entities by the keys users type, failing with a message that names the key.
enum Lookup {
    static func moderator(_ db: Database, _ key: EntityKey) throws -> Moderator {
        guard let moderator = try Moderator.fetchOne(db, key: key.id) else { throw RoundtableError.notFound("moderator", "\(key)") }
        return moderator
    }

    static func participant(_ db: Database, _ key: EntityKey) throws -> Participant {
        guard let participant = try Participant.fetchOne(db, key: key.id) else {
            throw RoundtableError.notFound("participant", "\(key)")
        }
        return participant
    }

    static func session(_ db: Database, _ key: EntityKey) throws -> Session {
        guard let session = try Session.fetchOne(db, key: key.id) else { throw RoundtableError.notFound("session", "\(key)") }
        return session
    }

    static func panel(_ db: Database, _ key: String) throws -> Panel {
        guard let panel = try Panel.filter(Column("key") == key).fetchOne(db) else {
            throw RoundtableError.notFound("panel", key)
        }
        return panel
    }
}

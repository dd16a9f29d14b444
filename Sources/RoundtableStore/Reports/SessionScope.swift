import Foundation
import GRDB
import RoundtableCore

/// Which sessions a report or an export of codings covers.
public enum SessionScope: Sendable, Equatable {
    /// These sessions, in the order given (a key given twice counts once).
    case sessions([EntityKey])
    /// Every session of the panel.
    case panel(String)
    /// Every session of the workspace.
    case all

    /// The sessions in scope: as given, else by start; an unknown key or panel is an error (exit 65).
    func sessions(_ db: Database) throws -> [Session] {
        switch self {
        case .sessions(let keys):
            var seen = Set<EntityKey>()
            return try keys.filter { seen.insert($0).inserted }.map { try Lookup.session(db, $0) }
        case .panel(let key):
            let panel = try Lookup.panel(db, key)
            return try Session.filter(Column("panelId") == panel.id!).order(Column("startsAt"), Column("id")).fetchAll(db)
        case .all:
            return try Session.order(Column("startsAt"), Column("id")).fetchAll(db)
        }
    }

    /// The row ids of `sessions` as one SQL argument, for `IN (SELECT value FROM json_each(?))`.
    static func idList(_ sessions: [Session]) -> String {
        JSONList.encode(sessions.map { $0.id! })
    }
}

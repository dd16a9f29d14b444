import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Hands every participant (of `panel`, if given) to `body` as a roster row for `partner`,
    /// oldest first, in one read transaction. Forgotten participants are left out.
    public func exportRoster(panel: String?, partner: String?, _ body: (RosterEntry) throws -> Void) throws {
        try read { db in
            let panelId = try panel.map { try Lookup.panel(db, $0).id! }
            try ParticipantStream(panelId: panelId, includeForgotten: false).forEach(db) { record in
                try body(record.rosterEntry(for: partner))
            }
        }
    }
}

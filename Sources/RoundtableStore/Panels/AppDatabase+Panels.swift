import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Creates a panel with a new slug key.
    public func createPanel(key: String, name: String, kind: PanelKind, description: String?) throws -> Panel {
        try write { db in try createPanel(db, key: key, name: name, kind: kind, description: description) }
    }

    /// Archives a panel: it stays for history but takes no new members or sessions.
    public func archivePanel(_ key: String) throws -> Panel {
        try write { db in
            var panel = try Lookup.panel(db, key)
            guard !panel.isArchived else { throw RoundtableError.rule("panel \(key) is already archived") }
            panel.archivedAt = clock()
            try panel.update(db)
            try audit(db, "panel.archive", key)
            return panel
        }
    }

    /// Adds participants to a panel (or brings back alumni); all or none.
    public func addMembers(panel key: String, participants: [EntityKey], role: String, termEnd: String?) throws -> [Membership] {
        try write { db in try addMembers(db, panel: key, participants: participants, role: role, termEnd: termEnd) }
    }

    /// Ends participants' membership; they stay on the panel as alumni.
    public func removeMembers(panel key: String, participants: [EntityKey]) throws {
        try write { db in
            let panel = try Lookup.panel(db, key)
            for participantKey in participants {
                guard var membership = try Membership
                    .filter(Column("panelId") == panel.id! && Column("participantId") == participantKey.id)
                    .fetchOne(db), membership.status != .alumni
                else {
                    throw RoundtableError.rule("\(participantKey) is not a current member of \(key)")
                }
                membership.status = .alumni
                membership.leftAt = clock()
                try membership.update(db)
                try audit(db, "panel.remove-member", key, "\(participantKey)")
            }
        }
    }

    /// Every panel with head counts; archived ones only when asked.
    public func panels(includeArchived: Bool) throws -> [PanelSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT panel.*,
                       (SELECT COUNT(*) FROM membership m WHERE m.panelId = panel.id AND m.status = 'active') AS activeMembers,
                       (SELECT COUNT(*) FROM membership m WHERE m.panelId = panel.id) AS allMembers
                FROM panel WHERE ? OR archivedAt IS NULL ORDER BY key
                """, arguments: [includeArchived])
            return try rows.map { row in
                PanelSummary(panel: try Panel(row: row), activeMembers: row["activeMembers"], allMembers: row["allMembers"])
            }
        }
    }

    /// A panel and its members, current first.
    public func panelDetails(_ key: String) throws -> PanelDetails {
        try read { db in
            let panel = try Lookup.panel(db, key)
            let memberships = try Membership.filter(Column("panelId") == panel.id!).fetchAll(db)
            let people = try Participant.fetchAll(db, keys: memberships.map(\.participantId))
            let byId = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
            let members = memberships.compactMap { m in byId[m.participantId].map { PanelMember(participant: $0, membership: m) } }
                .sorted { ($0.membership.status.order, $0.participant.id!) < ($1.membership.status.order, $1.participant.id!) }
            return PanelDetails(panel: panel, members: members)
        }
    }

    func createPanel(_ db: Database, key: String, name: String, kind: PanelKind, description: String?) throws -> Panel {
        let key = try PanelKey.validate(key)
        let name = try TextRules.name(name, what: "a panel's --name")
        let description = try description.map { try TextRules.text($0, what: "--description") }
        if try Panel.filter(Column("key") == key).fetchCount(db) > 0 {
            throw RoundtableError.rule("panel \(key) already exists")
        }
        var panel = Panel(key: key, name: name, kind: kind, description: description, createdAt: clock())
        try panel.insert(db)
        try audit(db, "panel.create", key, panel.name)
        return panel
    }

    func addMembers(_ db: Database, panel key: String, participants: [EntityKey], role: String, termEnd: String?) throws -> [Membership] {
        let role = try TextRules.token(role, what: "--role")
        let panel = try Lookup.panel(db, key)
        guard !panel.isArchived else { throw RoundtableError.rule("panel \(key) is archived and takes no new members") }
        if let termEnd { try MembershipRules.checkTermEnd(termEnd, now: clock()) }
        var added: [Membership] = []
        for participantKey in participants {
            let participant = try Lookup.participant(db, participantKey)
            guard !participant.isErased else { throw RoundtableError.rule("\(participantKey) was forgotten and cannot join panels") }
            if var existing = try Membership
                .filter(Column("panelId") == panel.id! && Column("participantId") == participant.id!).fetchOne(db) {
                guard existing.status == .alumni else {
                    throw RoundtableError.rule("\(participantKey) is already \(existing.status.rawValue) on \(key)")
                }
                existing.status = .active
                existing.role = role
                existing.termEnd = termEnd
                existing.joinedAt = clock()
                existing.leftAt = nil
                try existing.update(db)
                added.append(existing)
            } else {
                var membership = Membership(panelId: panel.id!, participantId: participant.id!, role: role,
                                            joinedAt: clock(), termEnd: termEnd)
                try membership.insert(db)
                added.append(membership)
            }
            try audit(db, "panel.add-member", key, "\(participantKey) as \(role)")
        }
        return added
    }
}

extension MembershipStatus {
    fileprivate var order: Int { Self.allCases.firstIndex(of: self)! }
}

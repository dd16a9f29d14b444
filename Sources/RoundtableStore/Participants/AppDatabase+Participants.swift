import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Adds a participant with attributes and returns it with its key.
    public func addParticipant(_ new: NewParticipant) throws -> Participant {
        try write { db in try addParticipant(db, new) }
    }

    /// Changes a participant's fields and attributes in one transaction.
    public func editParticipant(_ key: EntityKey, _ changes: ParticipantChanges) throws -> Participant {
        try write { db in
            var participant = try Lookup.participant(db, key)
            guard !participant.isErased else { throw RoundtableError.rule("\(key) was forgotten and cannot be edited") }
            guard !changes.isEmpty else { throw RoundtableError.usage("nothing to change: give at least one option") }
            if let name = changes.name { participant.rename(try Self.checkedName(name)) }
            if let email = changes.email { participant.email = email.isEmpty ? nil : try ContactRules.email(email) }
            if let phone = changes.phone { participant.phone = phone.isEmpty ? nil : try ContactRules.phone(phone) }
            if let locale = changes.locale { participant.locale = locale.isEmpty ? nil : try ContactRules.locale(locale) }
            if let zone = changes.timeZone { participant.timeZone = zone.isEmpty ? nil : try Zone.canonicalName(zone) }
            if let flag = changes.doNotContact { participant.doNotContact = flag }
            try participant.update(db)
            for (name, value) in changes.setAttributes {
                try ParticipantAttribute(participantId: key.id, name: name, value: value).save(db)
            }
            for name in changes.removeAttributes {
                guard try ParticipantAttribute.deleteOne(db, key: ["participantId": key.id, "name": name]) else {
                    throw RoundtableError.rule("\(key) has no attribute '\(name)'")
                }
            }
            try audit(db, "participant.edit", "\(key)")
            return participant
        }
    }

    /// Records a consent decision; the latest per scope is the one in force.
    public func recordConsent(_ key: EntityKey, scope: ConsentScope, given: Bool, version: String) throws -> Consent {
        try write { db in try recordConsent(db, key, scope: scope, given: given, version: version) }
    }

    /// Removes a participant's identity (name, contact data, attributes, partner references) and keeps
    /// an anonymous row so counts and history stay right.
    public func forgetParticipant(_ key: EntityKey) throws -> Participant {
        try write { db in
            var participant = try Lookup.participant(db, key)
            guard !participant.isErased else { throw RoundtableError.rule("\(key) was already forgotten") }
            try eraseFromTranscripts(db, participantId: key.id, name: participant.displayName)
            participant.erase(at: clock())
            try participant.update(db)
            try ParticipantAttribute.filter(Column("participantId") == key.id).deleteAll(db)
            // Open invitations would contact the person again: withdraw them.
            try db.execute(sql: """
                UPDATE seat SET status = 'declined', updatedAt = ?
                WHERE participantId = ? AND status IN ('invited', 'confirmed')
                  AND sessionId IN (SELECT id FROM session WHERE status IN ('draft', 'scheduled'))
                """, arguments: [clock(), key.id])
            try audit(db, "participant.forget", "\(key)")
            return participant
        }
    }

    /// Participants, optionally only those whose name or e-mail matches `search` or who are on `panel`.
    public func participants(search: String?, panel: String?, limit: Int?) throws -> [ParticipantSummary] {
        try read { db in
            var request = Participant.all()
            if let search, !search.isEmpty {
                try SearchExpression.checkLength(search)
                let nameKey = UnicodeText.searchKey(search), emailNeedle = search.lowercased()
                // instr, not LIKE: a plain substring test, with no pattern-length limit and nothing to escape.
                request = request.filter(sql: "instr(nameSearch, ?) > 0 OR instr(lower(email), ?) > 0",
                                         arguments: [nameKey, emailNeedle])
                if let match = ParticipantSearchIndex.matchExpression(nameKey: nameKey, emailNeedle: emailNeedle) {
                    // The index narrows the rows it covers; newer ones are scanned.
                    request = request.filter(sql: """
                        id IN (SELECT rowid FROM participantSearch WHERE participantSearch MATCH ?
                               UNION ALL SELECT id FROM participant WHERE id > (SELECT indexedUpTo FROM participantSearchState))
                        """, arguments: [match])
                }
            }
            if let panel {
                let panelId = try Lookup.panel(db, panel).id!
                request = request.filter(sql: """
                    id IN (SELECT participantId FROM membership WHERE panelId = ? AND status <> 'alumni')
                    """, arguments: [panelId])
            }
            let people = try request.order(Column("id")).limit(limit ?? Int.max).fetchAll(db)
            let panels = try Self.activePanelKeys(db, people.compactMap(\.id))
            return people.map { ParticipantSummary(participant: $0, panels: panels[$0.id!] ?? []) }
        }
    }

    /// How many participants the search index does not cover yet: searches scan them.
    public func participantSearchBacklog() throws -> Int {
        try read(ParticipantSearchIndex.backlog)
    }

    /// Brings the participant search index up to date; returns how many participants it added.
    @discardableResult
    public func indexParticipantSearch() throws -> Int {
        try write(ParticipantSearchIndex.catchUp)
    }

    /// Everything known about one participant.
    public func participantDetails(_ key: EntityKey) throws -> ParticipantDetails {
        try read { db in
            let participant = try Lookup.participant(db, key)
            let attributes = try ParticipantAttribute.filter(Column("participantId") == key.id)
                .order(Column("name")).fetchAll(db)
            let consents = try Consent.fetchAll(db, sql: """
                SELECT * FROM consent c WHERE c.participantId = ?
                  AND c.id = \(ConsentInForce.id(participant: "c.participantId", scope: "c.scope")) ORDER BY c.scope
                """, arguments: [key.id])
            let memberships = try Row.fetchAll(db, sql: """
                SELECT panel.key AS panelKey, membership.* FROM membership JOIN panel ON panel.id = membership.panelId
                WHERE participantId = ? ORDER BY panel.key
                """, arguments: [key.id]).map { (panel: $0["panelKey"] as String, membership: try Membership(row: $0)) }
            let seats = try Row.fetchAll(db, sql: """
                SELECT seat.status AS seatStatus, session.* FROM seat JOIN session ON session.id = seat.sessionId
                WHERE seat.participantId = ? ORDER BY session.startsAt
                """, arguments: [key.id]).map { row in
                ParticipantSeat(session: try Session(row: row), status: SeatStatus(rawValue: row["seatStatus"]) ?? .invited)
            }
            return ParticipantDetails(participant: participant, attributes: attributes, consents: consents,
                                      memberships: memberships, seats: seats)
        }
    }

    func addParticipant(_ db: Database, _ new: NewParticipant) throws -> Participant {
        var participant = Participant(
            displayName: try Self.checkedName(new.name),
            email: try new.email.map(ContactRules.email),
            phone: try new.phone.map(ContactRules.phone),
            locale: try new.locale.map(ContactRules.locale),
            timeZone: try new.timeZone.map(Zone.canonicalName),
            createdAt: clock())
        try participant.insert(db)
        for (name, value) in new.attributes {
            try ParticipantAttribute(participantId: participant.id!, name: name, value: value).save(db)
        }
        try audit(db, "participant.add", "\(participant.key)")
        return participant
    }

    func recordConsent(_ db: Database, _ key: EntityKey, scope: ConsentScope, given: Bool, version: String) throws -> Consent {
        let participant = try Lookup.participant(db, key)
        guard !participant.isErased else { throw RoundtableError.rule("\(key) was forgotten; no consent can be recorded") }
        let version = try TextRules.token(version, what: "--version")
        var consent = Consent(participantId: key.id, scope: scope, version: version, given: given, recordedAt: clock())
        try consent.insert(db)
        try audit(db, "participant.consent", "\(key)", "\(scope.rawValue) \(given ? "given" : "withdrawn") v\(version)")
        return consent
    }

    static func checkedName(_ name: String) throws -> String {
        try TextRules.name(name, what: "a participant's --name")
    }

    static func activePanelKeys(_ db: Database, _ ids: [Int64]) throws -> [Int64: [String]] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: [String]] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT membership.participantId, panel.key FROM membership JOIN panel ON panel.id = membership.panelId
            WHERE membership.status = 'active' AND membership.participantId IN (SELECT value FROM json_each(?))
            ORDER BY panel.key
            """, arguments: [JSONList.encode(ids)])
        for row in rows { result[row[0], default: []].append(row[1]) }
        return result
    }
}

import Foundation
import GRDB
import RoundtableCore

/// How much a restore brought back.
public struct RestoreSummary: Sendable {
    public var moderators = 0
    public var panels = 0
    public var participants = 0
    public var sessions = 0
    public var concepts = 0
    public var reactions = 0
    public var utterances = 0
    public var notes = 0
    public var commentCards = 0
    public var surveyResponses = 0
    public var codes = 0
    public var codings = 0
    public var auditEntries = 0
}

extension AppDatabase {
    /// Restores a backup into this workspace, which must be empty, in one transaction: `feed`
    /// streams the backup's records into the sink it is given. Keys, times and the audit log come
    /// back exactly, so exporting the restored workspace gives the same file.
    public func restoreWorkspace(_ feed: (any WorkspaceSink) throws -> Void) throws -> RestoreSummary {
        try write { db in
            let existing = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM moderator) + (SELECT COUNT(*) FROM panel)
                     + (SELECT COUNT(*) FROM participant) + (SELECT COUNT(*) FROM session)
                """) ?? 0
            guard existing == 0 else {
                throw RoundtableError.rule("the workspace is not empty: restore a backup into a new workspace (--db NEW.sqlite)")
            }
            let restore = WorkspaceRestore(db: db)
            try feed(restore)
            return restore.summary
        }
    }
}

/// Writes backup records straight into the tables, keeping their keys.
final class WorkspaceRestore: WorkspaceSink {
    let db: Database
    var summary = RestoreSummary()
    var panelIds: [String: Int64] = [:]
    var conceptIds: [String: Int64] = [:]

    init(db: Database) {
        self.db = db
    }

    func begin(_ section: WorkspaceSection) throws {}
    func end(_ section: WorkspaceSection) throws {}

    func moderator(_ moderator: Moderator) throws {
        var moderator = moderator
        try moderator.insert(db)
        summary.moderators += 1
    }

    func panel(_ panel: Panel) throws {
        var panel = panel
        try panel.insert(db)
        panelIds[panel.key] = panel.id
        summary.panels += 1
    }

    func importBatch(_ batch: ImportBatch) throws {
        var batch = batch
        try batch.insert(db)
    }

    func participant(_ record: ParticipantRecord) throws {
        var person = record.participant
        try person.insert(db)
        let id = person.id!
        for attribute in record.attributes {
            try ParticipantAttribute(participantId: id, name: attribute.name, value: attribute.value).insert(db)
        }
        for consent in record.consents {
            var row = Consent(participantId: id, scope: consent.scope, version: consent.version, given: consent.given,
                              recordedAt: consent.at)
            try row.insert(db)
        }
        for reference in record.externalReferences { try reference.insert(db) }
        for (panel, membership) in record.memberships {
            guard let panelId = panelIds[panel] else {
                throw RoundtableError.rule("participant \(person.key) is a member of panel \(panel), which the backup does not contain")
            }
            var membership = membership
            membership.panelId = panelId
            try membership.insert(db)
        }
        summary.participants += 1
    }

    func session(_ record: SessionRecord) throws {
        var session = record.session
        if let panel = record.panelKey {
            guard let panelId = panelIds[panel] else {
                throw RoundtableError.rule("session \(session.key) belongs to panel \(panel), which the backup does not contain")
            }
            session.panelId = panelId
        }
        try session.insert(db)
        for moderator in record.moderators {
            guard try Moderator.exists(db, key: moderator.id) else {
                throw RoundtableError.rule("session \(session.key) names moderator \(moderator), which the backup does not contain")
            }
            try SessionModerator(sessionId: session.id!, moderatorId: moderator.id).insert(db)
        }
        for (participant, seat) in record.seats {
            guard try Participant.exists(db, key: participant.id) else {
                throw RoundtableError.rule("session \(session.key) seats \(participant), which the backup does not contain")
            }
            var seat = seat
            try seat.insert(db)
        }
        summary.sessions += 1
    }

    func auditEntry(_ entry: AuditEntry) throws {
        var entry = entry
        try entry.insert(db)
        summary.auditEntries += 1
    }
}

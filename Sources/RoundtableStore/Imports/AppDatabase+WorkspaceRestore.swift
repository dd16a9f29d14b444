import Foundation
import GRDB
import RoundtableCore

/// How much a restore brought back, or every rule the backup breaks.
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
    public var codingBatches = 0
    public var codings = 0
    public var auditEntries = 0
    /// Every rule the backup breaks, in file order; when there is any, nothing was restored.
    public var violations: [RestoreViolation] = []
}

/// A rule a backup breaks, with the line of the record that breaks it.
public struct RestoreViolation: Sendable, Hashable {
    /// The line the record starts at in the backup (0 when unknown).
    public var line: Int
    /// The entity and what is wrong with it, in one line.
    public var message: String
}

extension AppDatabase {
    /// Restores a backup into this workspace, which must be empty, in one transaction: `feed`
    /// streams the backup's records into the sink it is given, on a thread of its own (it has
    /// returned when this does). Keys, times and the audit log come
    /// back exactly, so exporting the restored workspace gives the same file. A backup is held to
    /// the same rules as the commands (clashes, capacity, zones, keys, contact details): if it
    /// breaks any, the summary lists every violation and nothing is written.
    public func restoreWorkspace(_ feed: (any WorkspaceSink) throws -> Void) throws -> RestoreSummary {
        try write(keepingIf: { $0.violations.isEmpty }) { db in
            let existing = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM moderator) + (SELECT COUNT(*) FROM panel)
                     + (SELECT COUNT(*) FROM participant) + (SELECT COUNT(*) FROM session)
                """) ?? 0
            guard existing == 0 else {
                throw RoundtableError.rule("the workspace is not empty: restore a backup into a new workspace (--db NEW.sqlite)")
            }
            let restore = WorkspaceRestore(db: db, now: clock())
            // The parse runs on a thread of its own while this one writes: about half the work each.
            try RestorePipe.run(feed, into: restore)
            try restore.checkSchedule()
            restore.summary.violations = restore.summary.violations.enumerated()
                .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
            return restore.summary
        }
    }
}

/// Writes backup records straight into the tables, keeping their keys, and holds each to the
/// rules the commands enforce. A broken rule is noted and the restore goes on, so the user hears
/// of every problem at once; the transaction is then rolled back.
final class WorkspaceRestore: SearchIndexingSink {
    let db: Database
    let now: Date
    var summary = RestoreSummary()
    /// The line of the record being restored.
    var line = 0
    var panelIds: [String: Int64] = [:]
    var conceptIds: [String: Int64] = [:]
    /// Restored moderators' names, by id.
    var moderatorNames: [Int64: String] = [:]
    /// Restored moderators by case-folded e-mail, which is unique among them.
    var moderatorEmails: [String: EntityKey] = [:]
    /// The sessions that hold time, with who and what they hold, for the clash check at the end.
    var schedule = RestoredSchedule()
    /// The prepared utterance insert, made on first use.
    var utteranceInsert: BulkStatement?
    /// The prepared coding insert, made on first use.
    var codingInsert: BulkStatement?
    /// The search index, its triggers aside while the utterances section is restored.
    var search: DeferredSearchIndex?

    init(db: Database, now: Date) {
        self.db = db
        self.now = now
    }

    func begin(_ section: WorkspaceSection) throws {
        if section == .utterances { try setSearchTriggersAside() }
    }

    func end(_ section: WorkspaceSection) throws {
        if section == .utterances { try indexUtterancesAndRestoreTriggers() }
    }

    func locate(line: Int) {
        self.line = line
    }

    func moderator(_ moderator: Moderator) throws {
        let subject = "moderator \(moderator.key)"
        guard moderatorNames[moderator.key.id] == nil else { return violation(subject, "appears more than once in the backup") }
        check(subject) { _ = try TextRules.name(moderator.name, what: "the name") }
        check(subject) { _ = try ContactRules.email(moderator.email) }
        check(subject) { _ = try Zone.named(moderator.timeZone) }
        let email = ContactRules.emailKey(moderator.email)
        if let other = moderatorEmails[email] {
            violation(subject, "has the e-mail \(moderator.email), which \(other) has too")
        }
        var moderator = moderator
        guard try store(subject, { try moderator.insert(db) }) else { return }
        moderatorNames[moderator.key.id] = moderator.name
        moderatorEmails[email] = moderatorEmails[email] ?? moderator.key
        summary.moderators += 1
    }

    func panel(_ panel: Panel) throws {
        let subject = "panel \(panel.key)"
        guard panelIds[panel.key] == nil else { return violation(subject, "appears more than once in the backup") }
        check(subject) { _ = try PanelKey.validate(panel.key) }
        check(subject) { _ = try TextRules.name(panel.name, what: "the name") }
        if let description = panel.description { check(subject) { _ = try TextRules.text(description, what: "the description") } }
        var panel = panel
        guard try store(subject, { try panel.insert(db) }) else { return }
        panelIds[panel.key] = panel.id
        summary.panels += 1
    }

    func importBatch(_ batch: ImportBatch) throws {
        var batch = batch
        _ = try store("import batch \(batch.id.map(String.init) ?? "?")", { try batch.insert(db) })
    }

    func participant(_ record: ParticipantRecord) throws {
        let person = record.participant
        let subject = "participant \(person.key)"
        checkDetails(of: record, subject)
        var stored = person
        guard try store(subject, { try stored.insert(db) }) else { return }
        let id = person.key.id
        for attribute in record.attributes {
            _ = try store(subject, { try ParticipantAttribute(participantId: id, name: attribute.name, value: attribute.value).insert(db) })
        }
        for consent in record.consents {
            var row = Consent(participantId: id, scope: consent.scope, version: consent.version, given: consent.given,
                              recordedAt: consent.at)
            _ = try store(subject, { try row.insert(db) })
        }
        for reference in record.externalReferences {
            _ = try store(subject, { try reference.insert(db) },
                          repeated: "partner \(reference.partner)'s id '\(reference.externalId)' is another participant's too")
        }
        var panels = Set<String>()
        for (panel, membership) in record.memberships {
            guard let panelId = panelIds[panel] else {
                violation(subject, "is a member of panel \(panel), which the backup does not contain")
                continue
            }
            guard panels.insert(panel).inserted else {
                violation(subject, "is a member of panel \(panel) twice")
                continue
            }
            var membership = membership
            membership.panelId = panelId
            _ = try store(subject, { try membership.insert(db) })
        }
        summary.participants += 1
    }

    func auditEntry(_ entry: AuditEntry) throws {
        var entry = entry
        guard try store("audit entry", { try entry.insert(db) }) else { return }
        summary.auditEntries += 1
    }
}

import Foundation
import RoundtableCore

/// Writes a workspace backup in the native format, streaming, to a file that appears only once complete.
public final class WorkspaceWriter: WorkspaceSink {
    let writer: XMLStreamWriter

    /// Starts the backup at `destination`.
    public init(destination: String) throws {
        writer = try XMLStreamWriter(file: OutputFile(destination: destination))
        try writer.startDocument()
        try writer.start("workspace", namespace: NativeFormat.namespace)
        try writer.attribute("version", String(NativeFormat.version))
    }

    /// Closes the document and moves the file into place.
    public func finish() throws {
        try writer.end()
        try writer.finish()
    }

    public func begin(_ section: WorkspaceSection) throws { try writer.start(section.rawValue) }

    public func end(_ section: WorkspaceSection) throws { try writer.end() }

    public func moderator(_ moderator: Moderator) throws {
        try writer.start("moderator")
        try writer.attribute("key", "\(moderator.key)")
        try writer.attribute("created", NativeFormat.timestamp(moderator.createdAt))
        try writer.element("name", moderator.name)
        try writer.element("email", moderator.email)
        try writer.element("timeZone", moderator.timeZone)
        try writer.end()
    }

    public func panel(_ panel: Panel) throws {
        try writer.start("panel")
        try writer.attribute("key", panel.key)
        try writer.attribute("kind", panel.kind.rawValue)
        try writer.attribute("created", NativeFormat.timestamp(panel.createdAt))
        try writer.attribute("archived", panel.archivedAt.map(NativeFormat.timestamp))
        try writer.element("name", panel.name)
        try writer.element("description", panel.description)
        try writer.end()
    }

    public func importBatch(_ batch: ImportBatch) throws {
        try writer.start("importBatch")
        try writer.attribute("id", String(batch.id ?? 0))
        try writer.attribute("partner", batch.partner)
        try writer.attribute("file", batch.fileName)
        try writer.attribute("sha256", batch.sha256)
        try writer.attribute("at", NativeFormat.timestamp(batch.importedAt))
        try writer.attribute("new", String(batch.newCount))
        try writer.attribute("updated", String(batch.updatedCount))
        try writer.attribute("unchanged", String(batch.unchangedCount))
        try writer.attribute("rejected", String(batch.rejectedCount))
        try writer.end()
    }

    public func participant(_ record: ParticipantRecord) throws {
        let person = record.participant
        try writer.start("participant")
        try writer.attribute("key", "\(person.key)")
        if person.doNotContact { try writer.attribute("doNotContact", "true") }
        try writer.attribute("created", NativeFormat.timestamp(person.createdAt))
        try writer.attribute("forgotten", person.erasedAt.map(NativeFormat.timestamp))
        try ParticipantFields.write(name: person.displayName, email: person.email, phone: person.phone,
                                    locale: person.locale, timeZone: person.timeZone, attributes: record.attributes,
                                    consents: record.consents, to: writer)
        for reference in record.externalReferences {
            try writer.start("externalRef")
            try writer.attribute("partner", reference.partner)
            try writer.attribute("id", reference.externalId)
            try writer.attribute("batch", reference.importBatchId.map { String($0) })
            try writer.end()
        }
        for (panel, membership) in record.memberships {
            try writer.start("membership")
            try writer.attribute("panel", panel)
            try writer.attribute("role", membership.role)
            try writer.attribute("status", membership.status.rawValue)
            try writer.attribute("joined", NativeFormat.timestamp(membership.joinedAt))
            try writer.attribute("termEnd", membership.termEnd)
            try writer.attribute("left", membership.leftAt.map(NativeFormat.timestamp))
            try writer.attribute("ndaSigned", membership.ndaSignedAt.map(NativeFormat.timestamp))
            try writer.end()
        }
        try writer.end()
    }

    public func session(_ record: SessionRecord) throws {
        let session = record.session
        try writer.start("session")
        try writer.attribute("key", "\(session.key)")
        try writer.attribute("kind", session.kind.rawValue)
        try writer.attribute("status", session.status.rawValue)
        try writer.attribute("panel", record.panelKey)
        try writer.attribute("start", NativeFormat.timestamp(session.startsAt))
        try writer.attribute("durationMinutes", String(session.durationMinutes))
        try writer.attribute("timeZone", session.timeZone)
        try writer.attribute("channel", session.channel.rawValue)
        try writer.attribute("capacity", String(session.capacity))
        try writer.attribute("reserve", String(session.reserve))
        try writer.attribute("revision", String(session.revision))
        try writer.attribute("created", NativeFormat.timestamp(session.createdAt))
        try writer.element("title", session.title)
        try writer.element("room", session.room)
        try writer.element("cancelReason", session.cancelReason)
        for moderator in record.moderators {
            try writer.start("moderator")
            try writer.attribute("ref", "\(moderator)")
            try writer.end()
        }
        for (participant, seat) in record.seats {
            try writer.start("seat")
            try writer.attribute("participant", "\(participant)")
            try writer.attribute("status", seat.status.rawValue)
            try writer.attribute("invited", NativeFormat.timestamp(seat.invitedAt))
            try writer.attribute("updated", NativeFormat.timestamp(seat.updatedAt))
            try writer.end()
        }
        try writer.end()
    }

    public func auditEntry(_ entry: AuditEntry) throws {
        try writer.start("entry")
        try writer.attribute("at", NativeFormat.timestamp(entry.at))
        try writer.attribute("actor", entry.actor)
        try writer.attribute("action", entry.action)
        try writer.attribute("subject", entry.subject)
        try writer.text(entry.detail)
        try writer.end()
    }
}

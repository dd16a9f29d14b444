import Foundation
import RoundtableCore

/// Turns the record elements of a workspace backup into Core values; the reader stands on the
/// record's start tag and is left on its end tag.
struct WorkspaceRecords {
    let reader: XMLStreamReader

    func moderator() throws -> Moderator {
        let a = reader.attributes()
        let line = reader.line
        let children = try texts()
        return Moderator(id: try key(a["key"], .moderator, line).id, name: children["name"] ?? "", email: children["email"] ?? "",
                         timeZone: children["timeZone"] ?? "UTC", createdAt: try date(a["created"], line))
    }

    func panel() throws -> Panel {
        let a = reader.attributes()
        let line = reader.line
        let children = try texts()
        return Panel(key: a["key"] ?? "", name: children["name"] ?? "", kind: PanelKind(rawValue: a["kind"] ?? "") ?? .pool,
                     description: children["description"], archivedAt: try a["archived"].map { try date($0, line) },
                     createdAt: try date(a["created"], line))
    }

    func importBatch() throws -> ImportBatch {
        let a = reader.attributes()
        let line = reader.line
        try reader.skipElement()
        return ImportBatch(id: Int64(a["id"] ?? ""), partner: a["partner"] ?? "", fileName: a["file"] ?? "",
                           sha256: a["sha256"] ?? "", importedAt: try date(a["at"], line),
                           newCount: Int(a["new"] ?? "") ?? 0, updatedCount: Int(a["updated"] ?? "") ?? 0,
                           unchangedCount: Int(a["unchanged"] ?? "") ?? 0, rejectedCount: Int(a["rejected"] ?? "") ?? 0)
    }

    func participant(_ element: ParticipantElement) throws -> ParticipantRecord {
        let line = element.line
        let consents = element.consents(file: reader.file)
        if let problem = consents.problems.first {
            throw XMLInputError(file: reader.file, line: line, message: problem)
        }
        let id = try key(element.key, .participant, line).id
        var person = Participant(id: id, displayName: element.name, email: element.email, phone: element.phone,
                                 locale: element.locale, timeZone: element.timeZone, doNotContact: element.doNotContact,
                                 createdAt: try date(element.created, line))
        if let forgotten = element.forgotten {
            person.erasedAt = try date(forgotten, line)
            person.nameSearch = ""
        }
        let memberships = try element.memberships.map { m in
            (panel: m.panel,
             membership: Membership(panelId: 0, participantId: id, role: m.role,
                                    joinedAt: try date(m.joined, line), termEnd: m.termEnd,
                                    status: MembershipStatus(rawValue: m.status) ?? .active,
                                    leftAt: try m.left.map { try date($0, line) },
                                    ndaSignedAt: try m.ndaSigned.map { try date($0, line) }))
        }
        return ParticipantRecord(
            participant: person, attributes: element.attributes, consents: consents.records,
            externalReferences: element.externalRefs.map {
                ExternalReference(participantId: id, partner: $0.partner, externalId: $0.id, importBatchId: $0.batch)
            },
            memberships: memberships)
    }

    func session() throws -> SessionRecord {
        let a = reader.attributes()
        let line = reader.line
        var title = "", room: String?, cancelReason: String?
        var moderators: [EntityKey] = []
        var seats: [(participant: EntityKey, seat: Seat)] = []
        let id = try key(a["key"], .session, line)
        while let node = try reader.next() {
            guard case .start(let name) = node else {
                if case .end = node { break }
                continue
            }
            switch name {
            case "title": title = try reader.elementText()
            case "room": room = try reader.elementText()
            case "cancelReason": cancelReason = try reader.elementText()
            case "moderator":
                moderators.append(try key(reader.attributes()["ref"], .moderator, reader.line))
                try reader.skipElement()
            case "seat":
                let s = reader.attributes()
                let seatLine = reader.line
                let participant = try key(s["participant"], .participant, seatLine)
                seats.append((participant, Seat(sessionId: id.id, participantId: participant.id,
                                                status: SeatStatus(rawValue: s["status"] ?? "") ?? .invited,
                                                invitedAt: try date(s["invited"], seatLine),
                                                updatedAt: try date(s["updated"], seatLine))))
                try reader.skipElement()
            default:
                try reader.skipElement()
            }
        }
        let session = Session(
            id: id.id, title: title, kind: SessionKind(rawValue: a["kind"] ?? "") ?? .focusGroup,
            startsAt: try date(a["start"], line), timeZone: a["timeZone"] ?? "UTC",
            durationMinutes: Int(a["durationMinutes"] ?? "") ?? 0, channel: Channel(rawValue: a["channel"] ?? "") ?? .inPerson,
            room: room, capacity: Int(a["capacity"] ?? "") ?? 0, reserve: Int(a["reserve"] ?? "") ?? 0,
            status: SessionStatus(rawValue: a["status"] ?? "") ?? .scheduled, cancelReason: cancelReason,
            revision: Int(a["revision"] ?? "") ?? 0, createdAt: try date(a["created"], line))
        return SessionRecord(session: session, panelKey: a["panel"], moderators: moderators, seats: seats)
    }

    func auditEntry() throws -> AuditEntry {
        let a = reader.attributes()
        let line = reader.line
        return AuditEntry(at: try date(a["at"], line), actor: a["actor"] ?? "", action: a["action"] ?? "",
                          subject: a["subject"] ?? "", detail: try reader.elementText())
    }

    /// The text of each simple child element, by name.
    func texts() throws -> [String: String] {
        var values: [String: String] = [:]
        guard !reader.isEmptyElement else { return values }
        while let node = try reader.next() {
            switch node {
            case .start(let name): values[name] = try reader.elementText()
            case .end: return values
            case .text: continue
            }
        }
        return values
    }

    func key(_ text: String?, _ entity: KeyedEntity, _ line: Int) throws -> EntityKey {
        if let text, let id = Self.plainKeyNumber(text, prefix: entity.prefix) { return EntityKey(entity, id: id) }
        do {
            return try EntityKey(parsing: text ?? "", as: entity)
        } catch {
            throw XMLInputError(file: reader.file, line: line, message: "'\(text ?? "")' is not a \(entity.rawValue) key")
        }
    }

    /// The number of a key written as exports write it ("U-000042"), read byte by byte: a backup
    /// holds millions of keys. Nil for any other shape, which `EntityKey(parsing:)` then reads.
    static func plainKeyNumber(_ text: String, prefix: Character) -> Int64? {
        guard let letter = prefix.asciiValue else { return nil }
        var bytes = text.utf8.makeIterator()
        guard bytes.next() == letter, bytes.next() == UInt8(ascii: "-") else { return nil }
        var number: Int64 = 0
        var digits = 0
        while let byte = bytes.next() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 else { return nil }
            number = number * 10 + Int64(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return number > 0 ? number : nil
    }

    func date(_ text: String?, _ line: Int) throws -> Date {
        try NativeFormat.date(text ?? "", file: reader.file, line: line)
    }
}

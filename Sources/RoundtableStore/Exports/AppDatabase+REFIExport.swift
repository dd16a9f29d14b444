import Foundation
import GRDB
import RoundtableCore

/// Which sessions a REFI-QDA project holds.
public enum REFIScope: Sendable {
    /// These sessions, transcribed or not.
    case sessions([EntityKey])
    /// The panel's sessions that have a transcript.
    case panel(String)
    /// Every session that has a transcript.
    case all
}

extension AppDatabase {
    /// The sessions in `scope` as a REFI-QDA project, streamed into `sink` in one write
    /// transaction: GUIDs that are not stored yet (sessions, participants, moderators, coders, turns,
    /// variables) are assigned and kept, so a second export names everything the same. With
    /// `pseudonymize`, participants are P01, P02, … (by key, over the whole project) in case names,
    /// speakers and texts, and coded spans move with the text; moderators and coders (the project's
    /// users) keep their names everywhere, and the key to the codes is `pseudonymKey`. Returns the
    /// project without its sources' texts and selections and without its cases' turns, which went
    /// to `sink` as they were read.
    public func exportREFIProject(_ scope: REFIScope, name: String, pseudonymize: Bool = false,
                                  into sink: REFIProjectSink) throws -> REFIProject {
        try write { db in
            var ids = REFIIdentities(db)
            let sessions = try refiSessions(db, scope)
            var project = REFIProject(name: name)
            project.codes = try Code.order(Column("id")).fetchAll(db)
            let codeGUIDs = Dictionary(uniqueKeysWithValues: project.codes.map { ($0.id!, $0.guid) })
            let sessionIds = sessions.map { $0.id! }
            project.users = try Moderator.fetchAll(db, sql: """
                SELECT * FROM moderator WHERE id IN (SELECT moderatorId FROM sessionModerator WHERE sessionId IN \(list(sessionIds)))
                ORDER BY id
                """).map { REFIUser(guid: try ids.guid("moderator", "\($0.key)"), name: $0.name) }
            let coderNames = try String.fetchAll(db, sql: """
                SELECT coder FROM coding JOIN utterance ON utterance.id = coding.utteranceId WHERE utterance.sessionId IN \(list(sessionIds))
                UNION SELECT coder FROM coding JOIN note ON note.id = coding.noteId WHERE note.sessionId IN \(list(sessionIds))
                UNION SELECT author FROM note WHERE sessionId IN \(list(sessionIds))
                ORDER BY 1
                """)
            var coders: [String: String] = [:]
            for coder in coderNames {
                coders[coder] = try ids.guid("coder", coder)
                project.users.append(REFIUser(guid: coders[coder]!, name: coder))
            }
            let people = try Participant.fetchAll(db, sql: """
                SELECT * FROM participant WHERE id IN (
                    SELECT participantId FROM seat WHERE sessionId IN \(list(sessionIds))
                    UNION SELECT participantId FROM utterance WHERE sessionId IN \(list(sessionIds)) AND participantId IS NOT NULL)
                ORDER BY id
                """)
            let pseudonyms = pseudonymize ? Pseudonyms(people: people, keeping: try Pseudonyms.staff(db) + coderNames) : nil
            var cases: [Int64: REFICase] = [:]
            for person in people {
                cases[person.id!] = REFICase(guid: try ids.guid("participant", "\(person.key)"),
                                             name: pseudonyms?.code(of: person.id!) ?? person.displayName)
            }
            let attributes = try ParticipantAttribute.fetchAll(db, sql: """
                SELECT * FROM participantAttribute WHERE participantId IN \(list(people.map { $0.id! })) ORDER BY name, participantId
                """)
            var variables: [String: String] = [:]
            for attribute in attributes {
                if variables[attribute.name] == nil {
                    variables[attribute.name] = try ids.guid("variable", attribute.name)
                    project.variables.append(REFIVariable(guid: variables[attribute.name]!, name: attribute.name))
                }
                cases[attribute.participantId]?.values.append(REFIValue(variableGUID: variables[attribute.name]!, value: attribute.value))
            }
            let timeVariables = try refiSessionVariables(&ids)
            project.variables += timeVariables
            for session in sessions {
                var source = REFISource(guid: try ids.guid("session", "\(session.key)"), setGUID: try ids.guid("sessionSet", "\(session.key)"),
                                        name: "\(session.key) \(pseudonyms?.apply(to: session.title) ?? session.title)")
                source.values = zip(timeVariables, [TimeFormat.utc(session.startsAt), session.timeZone, "\(session.durationMinutes)"])
                    .map { REFIValue(variableGUID: $0.guid, value: $1, type: $0.type) }
                if let lead = try Self.moderators(db, of: session.id!).first {
                    source.creatingUserGUID = try ids.guid("moderator", "\(lead.key)")
                }
                try sink.beginSource(source)
                try REFITurnIdentities.assign(db, session: session.id!)
                var codings = try RowMerge(Row.fetchCursor(db, sql: """
                    SELECT utterance.sequence, coding.* FROM coding JOIN utterance ON utterance.id = coding.utteranceId
                    WHERE utterance.sessionId = ? ORDER BY utterance.sequence, coding.id
                    """, arguments: [session.id!])) { try Coding(row: $0) }
                let turns = try REFITurnIdentities.turns(db, session: session.id!)
                var speakers = Set<Int64>()
                while try turns.next() {
                    let (id, sequence) = (turns.int64(0), turns.int64(1))
                    let person: Int64? = turns.isNull(2) ? nil : turns.int64(2)
                    var (speaker, text) = (turns.text(3), turns.text(4))
                    var utteranceCodings = try codings.values(for: sequence)
                    if let pseudonyms {
                        (text, utteranceCodings) = pseudonyms.apply(to: text, codings: utteranceCodings)
                        speaker = person.flatMap(pseudonyms.code(of:)) ?? pseudonyms.apply(to: speaker, codings: []).text
                    }
                    let length = text.unicodeScalars.count
                    let offset = try sink.appendLine(speaker: speaker, text: text)
                    if let person, cases[person] != nil {
                        let key = EntityKey(.utterance, id: id)
                        let guid = try turns.optionalText(5) ?? ids.guid("utterance", "\(key)")
                        try sink.select(REFISelection(guid: guid, name: "\(key)", start: offset, end: offset + length))
                        if speakers.insert(person).inserted { cases[person]?.sourceGUIDs.append(source.guid) }
                    }
                    for coding in utteranceCodings {
                        try sink.select(try refiSelection(coding, offset: offset, length: length,
                                                          codes: codeGUIDs, coders: coders, ids: &ids))
                    }
                }
                for note in try Note.filter(Column("sessionId") == session.id!).order(Column("id")).fetchAll(db) {
                    var text = note.text
                    var noteCodings = try Coding.filter(Column("noteId") == note.id!).order(Column("id")).fetchAll(db)
                    if let pseudonyms { (text, noteCodings) = pseudonyms.apply(to: text, codings: noteCodings) }
                    var exported = REFINote(guid: note.guid, name: "\(note.key) \(note.kind.rawValue)", text: text,
                                            userGUID: coders[note.author], created: note.createdAt)
                    let length = text.unicodeScalars.count
                    for coding in noteCodings {
                        exported.selections.append(try refiSelection(coding, offset: 0, length: length, codes: codeGUIDs,
                                                                     coders: coders, ids: &ids))
                    }
                    project.notes.append(exported)
                    source.noteGUIDs.append(note.guid)
                }
                try sink.endSource(source)
                project.sources.append(source)
            }
            project.cases = people.compactMap { cases[$0.id!] }
            project.pseudonymKey = pseudonyms?.key(sessions: sessions.map(\.key))
            let speakers = people.filter { cases[$0.id!] != nil }.map { $0.id! }
            let explicit = if case .sessions = scope { true } else { false }
            try sink.finish(project) { index, emit in
                try REFITurnIdentities.guids(db, participant: speakers[index], sessions: sessionIds, fewSessions: explicit, emit)
            }
            return project
        }
    }

    /// The source variables that carry a session's time through a round trip, with stored GUIDs.
    private func refiSessionVariables(_ ids: inout REFIIdentities) throws -> [REFIVariable] {
        try [(REFISessionVariables.start, REFIVariableType.dateTime), (REFISessionVariables.timeZone, .text),
             (REFISessionVariables.duration, .integer)].map { name, type in
            REFIVariable(guid: try ids.guid("sessionVariable", name), name: name, type: type)
        }
    }

    private func refiSessions(_ db: Database, _ scope: REFIScope) throws -> [Session] {
        let transcribed = "id IN (SELECT sessionId FROM utterance)"
        let sessions: [Session]
        switch scope {
        case .sessions(let keys):
            var seen = Set<EntityKey>()
            sessions = try keys.filter { seen.insert($0).inserted }.map { try Lookup.session(db, $0) }
        case .panel(let key):
            let panel = try Lookup.panel(db, key)
            sessions = try Session.filter(sql: "panelId = ? AND \(transcribed)", arguments: [panel.id!]).order(Column("startsAt"), Column("id")).fetchAll(db)
        case .all:
            sessions = try Session.filter(sql: transcribed).order(Column("startsAt"), Column("id")).fetchAll(db)
        }
        guard !sessions.isEmpty else { throw RoundtableError.rule("no session with a transcript to export") }
        return sessions
    }

    /// The coding's stored GUID names its selection; the REFI `Coding` inside gets one of its own.
    private func refiSelection(_ coding: Coding, offset: Int, length: Int, codes: [Int64: String],
                               coders: [String: String], ids: inout REFIIdentities) throws -> REFISelection {
        let span = coding.span ?? TextSpan(start: 0, end: length)
        return REFISelection(guid: coding.guid, start: offset + span.start, end: offset + span.end,
                             coding: REFICoding(guid: try ids.guid("coding", coding.guid), codeGUID: codes[coding.codeId] ?? "",
                                                userGUID: coders[coding.coder], created: coding.createdAt))
    }

    /// `(1,2,3)` from row ids, which are integers and safe to inline.
    private func list(_ ids: [Int64]) -> String {
        "(" + (ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")) + ")"
    }
}

/// Stored REFI-QDA GUIDs by kind and key, assigning a new one the first time something is exported.
struct REFIIdentities {
    let db: Database
    init(_ db: Database) { self.db = db }

    mutating func guid(_ kind: String, _ key: String) throws -> String {
        if let stored = try String.fetchOne(db, sql: "SELECT guid FROM refiIdentity WHERE kind = ? AND key = ?", arguments: [kind, key]) {
            return stored
        }
        let guid = GUID.make()
        try db.execute(sql: "INSERT INTO refiIdentity (kind, key, guid) VALUES (?, ?, ?)", arguments: [kind, key, guid])
        return guid
    }
}

/// Turns' GUIDs in bulk: a million turns are one query each way, not a look-up (and an insert)
/// apiece. A turn's identity key is its utterance key, `U-` and at least six digits.
enum REFITurnIdentities {
    private static let key = "printf('U-%06d', utterance.id)"

    /// Stores a GUID for every turn of the session that has a speaking participant and none yet.
    static func assign(_ db: Database, session: Int64) throws {
        let missing = try Int64.fetchAll(db, sql: """
            SELECT utterance.id FROM utterance
            WHERE utterance.sessionId = ? AND utterance.participantId IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM refiIdentity WHERE kind = 'utterance' AND key = \(key))
            """, arguments: [session])
        guard !missing.isEmpty else { return }
        let insert = try db.cachedStatement(sql: "INSERT INTO refiIdentity (kind, key, guid) VALUES ('utterance', ?, ?)")
        for id in missing {
            try insert.execute(arguments: ["\(EntityKey(.utterance, id: id))", GUID.make()])
        }
    }

    /// The session's turns in order: id, sequence, participantId, speakerLabel, text, stored GUID.
    static func turns(_ db: Database, session: Int64) throws -> RawRows {
        try RawRows(db, sql: """
            SELECT utterance.id, utterance.sequence, utterance.participantId, utterance.speakerLabel, utterance.text, refiIdentity.guid
            FROM utterance LEFT JOIN refiIdentity ON refiIdentity.kind = 'utterance' AND refiIdentity.key = \(key)
            WHERE utterance.sessionId = \(session) ORDER BY utterance.sequence
            """)
    }

    /// Emits the GUID of each turn of `participant` in `sessions`, in session order, then turn order.
    /// `fewSessions`: the sessions are a few named ones, so each is walked in turn order (`+` keeps
    /// SQLite off the participant index, which would visit the person's turns in every session:
    /// ten times the work for one session of ten). Otherwise the participant index finds the turns.
    static func guids(_ db: Database, participant: Int64, sessions: [Int64], fewSessions: Bool,
                      _ emit: (String) throws -> Void) throws {
        guard !sessions.isEmpty else { return }
        if fewSessions {
            for session in sessions {
                let rows = try RawRows(db, sql: """
                    SELECT refiIdentity.guid FROM utterance
                    JOIN refiIdentity ON refiIdentity.kind = 'utterance' AND refiIdentity.key = \(key)
                    WHERE utterance.sessionId = \(session) AND +utterance.participantId = \(participant)
                    ORDER BY utterance.sequence
                    """)
                while try rows.next() { try emit(rows.text(0)) }
            }
            return
        }
        let order = sessions.enumerated().map { "WHEN \($1) THEN \($0)" }.joined(separator: " ")
        let rows = try RawRows(db, sql: """
            SELECT refiIdentity.guid FROM utterance
            JOIN refiIdentity ON refiIdentity.kind = 'utterance' AND refiIdentity.key = \(key)
            WHERE utterance.participantId = \(participant) AND utterance.sessionId IN (\(sessions.map(String.init).joined(separator: ",")))
            ORDER BY CASE utterance.sessionId \(order) END, utterance.sequence
            """)
        while try rows.next() { try emit(rows.text(0)) }
    }
}

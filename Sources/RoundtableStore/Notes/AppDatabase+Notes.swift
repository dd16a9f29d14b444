import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Adds a note to a session, optionally at a time into it, written by the workspace's actor.
    public func addNote(session key: EntityKey, at atMs: Int?, kind: NoteKind, text: String) throws -> Note {
        try write { db in
            _ = try Lookup.session(db, key)
            let text = UnicodeText.composed(text)
            guard !text.isEmpty else { throw RoundtableError.usage("the note's text must not be empty") }
            _ = try TextRules.text(text, what: "the note's text")
            if let atMs, atMs < 0 { throw RoundtableError.usage("a note's time must not be negative") }
            var note = Note(sessionId: key.id, atMs: atMs, kind: kind, text: text, author: actor, createdAt: clock())
            try note.insert(db)
            try audit(db, "note.add", "\(note.key)", "\(key) \(kind.rawValue)")
            return note
        }
    }

    /// Notes in the order they were written, of one session or of all; `openOnly` keeps only
    /// actions nobody has closed.
    public func notes(session key: EntityKey?, openOnly: Bool) throws -> [Note] {
        try read { db in
            var request = Note.all()
            if let key {
                _ = try Lookup.session(db, key)
                request = request.filter(Column("sessionId") == key.id)
            }
            if openOnly {
                request = request.filter(Column("kind") == NoteKind.action.rawValue && Column("closedAt") == nil)
            }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// Marks an action done; other kinds of note, and actions already closed, are refused.
    public func closeNote(_ key: EntityKey) throws -> Note {
        try write { db in
            guard var note = try Note.fetchOne(db, key: key.id) else { throw RoundtableError.notFound("note", "\(key)") }
            guard note.kind == .action else {
                throw RoundtableError.rule("\(key) is \(note.kind == .observation ? "an" : "a") \(note.kind.rawValue); "
                    + "only actions can be closed")
            }
            if let closed = note.closedAt {
                throw RoundtableError.rule("\(key) was already closed on \(TimeFormat.utc(closed))")
            }
            note.closedAt = clock()
            try note.update(db)
            try audit(db, "note.close", "\(key)")
            return note
        }
    }
}

import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Records how a participant who attended a session reacted to a concept presented there. A
    /// second answer from the same person to the same concept is refused (`ReactionAlreadyRecorded`)
    /// unless `replace` is set; then it replaces the first, keeping its key, and the result says
    /// what changed and which codings of a changed comment were removed.
    public func react(session: EntityKey, concept: String, participant: EntityKey, appeal: Int, intent: Int,
                      recommend: Int, expectation: Int? = nil, comment: String? = nil,
                      replace: Bool = false) throws -> RecordedReaction {
        try write { db in
            try react(db, session: session, concept: concept, participant: participant,
                      answers: (appeal, intent, recommend, expectation), comment: comment, replace: replace)
        }
    }

    func react(_ db: Database, session key: EntityKey, concept conceptKey: String, participant personKey: EntityKey,
               answers: (appeal: Int, intent: Int, recommend: Int, expectation: Int?), comment: String?,
               replace: Bool = false) throws -> RecordedReaction {
        let session = try Lookup.session(db, key)
        try session.status.require([.scheduled, .inProgress, .completed], to: "record reactions in", session: key)
        let concept = try ConceptLookup.concept(db, conceptKey)
        let person = try Lookup.participant(db, personKey)
        guard !person.isErased else { throw RoundtableError.rule("\(personKey) was forgotten and cannot react to concepts") }
        let seat = try Self.seat(db, session: key, participant: personKey)
        guard seat.status == .attended else {
            throw RoundtableError.rule(
                "\(personKey) cannot react in \(key): their seat is \(seat.status.rawValue), not attended")
        }
        let presentation = try ConceptLookup.presentation(db, session: key, concept: concept)
        let comment = comment.map(UnicodeText.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        var reaction = try Reaction(
            presentationId: presentation.id!, participantId: person.id!, appeal: answers.appeal, intent: answers.intent,
            recommend: answers.recommend, expectation: answers.expectation, comment: comment, recordedAt: clock()
        ).validated()
        let earlier = try Reaction
            .filter(Column("presentationId") == presentation.id! && Column("participantId") == person.id!).fetchOne(db)
        guard let earlier else {
            try reaction.insert(db)
            try audit(db, "concept.react", "\(reaction.key)", "\(key) \(concept.key) \(personKey)")
            return RecordedReaction(reaction: reaction, replacement: nil)
        }
        let codings = try Coding.filter(Column("reactionId") == earlier.id!)
        guard replace else {
            throw ReactionAlreadyRecorded(session: key, concept: concept.key, participant: personKey, existing: earlier,
                                          codings: try codings.fetchCount(db))
        }
        let changes = reaction.changes(from: earlier)
        guard !changes.isEmpty else {
            return RecordedReaction(reaction: earlier, replacement: ReactionReplacement(earlier: earlier, changes: [],
                                                                                         removedCodings: []))
        }
        var removed: [CodedSpan] = []
        if earlier.comment != reaction.comment {
            // Coded spans point into the old comment's text; kept, they would mark the wrong words.
            removed = try Self.codedSpans(db, Codebook(db), where: "coding.reactionId = ?", [earlier.id!])
            try codings.deleteAll(db)
        }
        reaction.id = earlier.id
        try reaction.update(db)
        // Scores and which codings went, never the comment's words: the log is kept after a person is forgotten.
        var detail = "\(key) \(concept.key) \(personKey): "
            + changes.map { $0.field == "comment" ? "comment changed" : "\($0)" }.joined(separator: ", ")
        if !removed.isEmpty {
            detail += "; removed \(removed.count) coding\(removed.count == 1 ? "" : "s"): "
                + removed.map { "\($0.codePath) [\($0.span.start), \($0.span.end))" }.joined(separator: ", ")
        }
        try audit(db, "concept.replace-reaction", "\(reaction.key)", detail)
        return RecordedReaction(reaction: reaction, replacement: ReactionReplacement(earlier: earlier, changes: changes,
                                                                                     removedCodings: removed))
    }
}

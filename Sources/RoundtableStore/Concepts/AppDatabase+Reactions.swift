import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Records how a participant who attended a session reacted to a concept presented there;
    /// a second answer from the same person to the same concept replaces the first, keeping its key.
    public func react(session: EntityKey, concept: String, participant: EntityKey, appeal: Int, intent: Int,
                      recommend: Int, expectation: Int? = nil, comment: String? = nil) throws -> RecordedReaction {
        try write { db in
            try react(db, session: session, concept: concept, participant: participant,
                      answers: (appeal, intent, recommend, expectation), comment: comment)
        }
    }

    func react(_ db: Database, session key: EntityKey, concept conceptKey: String, participant personKey: EntityKey,
               answers: (appeal: Int, intent: Int, recommend: Int, expectation: Int?), comment: String?) throws -> RecordedReaction {
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
        if let earlier {
            reaction.id = earlier.id
            try reaction.update(db)
            if earlier.comment != reaction.comment {
                // Coded spans point into the old comment's text; kept, they would mark the wrong words.
                try db.execute(sql: "DELETE FROM coding WHERE reactionId = ?", arguments: [earlier.id!])
            }
        } else {
            try reaction.insert(db)
        }
        let detail = "\(key) \(concept.key) \(personKey)" + (earlier == nil ? "" : " (replaced)")
        try audit(db, "concept.react", "\(reaction.key)", detail)
        return RecordedReaction(reaction: reaction, replaced: earlier != nil)
    }
}

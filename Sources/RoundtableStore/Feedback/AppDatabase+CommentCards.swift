import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Records a comment card, anonymous or from a participant, optionally for a panel.
    public func addComment(participant: EntityKey? = nil, panel: String? = nil, channel: CommentChannel? = nil,
                           rating: Int? = nil, text: String) throws -> CommentCard {
        if let rating { try Scale.check(rating, Scale.fivePoint, "--rating") }
        let text = UnicodeText.composed(text)
        guard !text.isEmpty else { throw RoundtableError.usage("the comment must not be empty") }
        _ = try TextRules.text(text, what: "the comment")
        return try write { db in
            let person = try participant.map { try Lookup.participant(db, $0) }
            if let person, person.isErased {
                throw RoundtableError.rule("\(person.key) was forgotten; no comment can be recorded for them")
            }
            let panelId = try panel.map { try Lookup.panel(db, $0).id! }
            var card = CommentCard(participantId: person?.id, panelId: panelId, channel: channel, rating: rating, text: text,
                                   receivedAt: clock())
            try card.insert(db)
            try audit(db, "comment.add", "\(card.key)", [person.map { "\($0.key)" }, panel].compactMap { $0 }.joined(separator: " "))
            return card
        }
    }

    /// Comment cards in the order they came, optionally only one panel's, one participant's, or
    /// those received at or after `since`.
    public func comments(panel: String? = nil, participant: EntityKey? = nil, since: Date? = nil) throws -> [CommentCardEntry] {
        try read { db in
            var request = CommentCard.all()
            if let panel { request = request.filter(Column("panelId") == (try Lookup.panel(db, panel).id!)) }
            if let participant {
                _ = try Lookup.participant(db, participant)
                request = request.filter(Column("participantId") == participant.id)
            }
            if let since { request = request.filter(Column("receivedAt") >= since) }
            let cards = try request.order(Column("receivedAt"), Column("id")).fetchAll(db)
            let panelIds = Set(cards.compactMap(\.panelId))
            let panelKeys = Dictionary(uniqueKeysWithValues: try Panel.fetchAll(db, keys: panelIds).map { ($0.id!, $0.key) })
            return cards.map { card in
                CommentCardEntry(card: card, panel: card.panelId.flatMap { panelKeys[$0] },
                                 participant: card.participantId.map { EntityKey(.participant, id: $0) })
            }
        }
    }
}

/// A comment card with the keys of its panel and participant, for listings.
public struct CommentCardEntry: Sendable {
    /// The card.
    public var card: CommentCard
    /// The panel's key, when the card was given for one.
    public var panel: String?
    /// The participant's key, unless the card is anonymous.
    public var participant: EntityKey?
}

import Foundation
import RoundtableCore

/// The tiers of an ELAN document: one per speaker, in order of first turn, each with a unique
/// `TIER_ID` taken from the speaker as shown.
struct ELANTiers {
    /// One speaker's tier.
    struct Tier: Equatable {
        /// `TIER_ID`: the speaker as shown, with " (2)", " (3)", … when another speaker already has the name.
        var id: String
        /// `PARTICIPANT`: the speaker as shown.
        var participant: String
    }

    private(set) var tiers: [Tier] = []
    private var bySpeaker: [Speaker: Int] = [:]
    private var usedIds: Set<String> = []

    /// The index of the tier for the entry's speaker, adding the tier on the speaker's first turn.
    /// People are told apart by their participant or moderator id; anyone else by the label shown
    /// (a pseudonymized transcript has only labels, which are then the study codes).
    mutating func tier(for entry: TranscriptEntry) -> Int {
        let label = XMLText.sanitized(entry.speaker)
        let speaker: Speaker = if let id = entry.utterance.participantId {
            .participant(id)
        } else if let id = entry.utterance.moderatorId {
            .moderator(id)
        } else {
            .label(label)
        }
        if let index = bySpeaker[speaker] { return index }
        let id = uniqueId(for: label.isEmpty ? "Speaker" : label)
        tiers.append(Tier(id: id, participant: label))
        bySpeaker[speaker] = tiers.count - 1
        return tiers.count - 1
    }

    // Swift compares strings by canonical equivalence, so a composed and a decomposed spelling of
    // one name count as taken here, which keeps the IDs unique for the schema's code-point key too.
    private mutating func uniqueId(for label: String) -> String {
        var candidate = label
        var number = 1
        while usedIds.contains(candidate) {
            number += 1
            candidate = "\(label) (\(number))"
        }
        usedIds.insert(candidate)
        return candidate
    }
}

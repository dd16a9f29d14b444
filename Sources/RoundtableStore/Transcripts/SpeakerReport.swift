import Foundation
import RoundtableCore

/// Tallies how each speaker label of a transcript import was attributed, in order of first appearance;
/// shared by the plain-text and the native XML import.
struct SpeakerReport {
    /// What one turn's label was attributed to.
    enum Outcome {
        case matched(EntityKey)
        case unmatched
        case ambiguous([AmbiguousSpeaker.Candidate])
    }

    var matched: [MatchedSpeaker] = []
    var unmatched: [UnmatchedSpeaker] = []
    var ambiguous: [AmbiguousSpeaker] = []

    /// Counts `turn` under its label, remembering the first line a label appears on.
    mutating func note(_ turn: TranscriptTurn, _ outcome: Outcome) {
        switch outcome {
        case .matched(let key):
            if let index = matched.firstIndex(where: { $0.label == turn.speaker }) { matched[index].turns += 1; return }
            matched.append(MatchedSpeaker(label: turn.speaker, key: key, turns: 1))
        case .unmatched:
            if let index = unmatched.firstIndex(where: { $0.label == turn.speaker }) { unmatched[index].turns += 1; return }
            unmatched.append(UnmatchedSpeaker(label: turn.speaker, line: turn.line, turns: 1))
        case .ambiguous(let keys):
            if let index = ambiguous.firstIndex(where: { $0.label == turn.speaker }) { ambiguous[index].turns += 1; return }
            ambiguous.append(AmbiguousSpeaker(label: turn.speaker, line: turn.line, turns: 1, candidates: keys))
        }
    }
}

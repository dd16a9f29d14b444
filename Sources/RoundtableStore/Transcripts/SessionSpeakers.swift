import Foundation
import GRDB
import RoundtableCore

/// The people who may speak in a session: its seated participants (any seat status) and its
/// moderators, with the names transcripts may call them by.
struct SessionSpeakers {
    /// Seated participants by row id.
    let participants: [Int64: Participant]
    /// The session's moderators by row id.
    let moderators: [Int64: Moderator]

    /// Reads the speakers of `session`.
    init(_ db: Database, session: Session) throws {
        let seated = try Participant.fetchAll(db, sql: """
            SELECT participant.* FROM participant JOIN seat ON seat.participantId = participant.id
            WHERE seat.sessionId = ? ORDER BY participant.id
            """, arguments: [session.id!])
        participants = Dictionary(uniqueKeysWithValues: seated.map { ($0.id!, $0) })
        let staff = try AppDatabase.moderators(db, of: session.id!)
        moderators = Dictionary(uniqueKeysWithValues: staff.map { ($0.id!, $0) })
    }

    /// Match candidates, participants then moderators, each in key order. A forgotten participant
    /// is a candidate by key only: their old name must not attribute anything to them.
    var candidates: [SpeakerCandidate] {
        participants.values.sorted { $0.id! < $1.id! }.map { person in
            SpeakerCandidate(id: "\(person.key)", names: person.isErased ? [] : [person.displayName])
        } + moderators.values.sorted { $0.id! < $1.id! }.map { SpeakerCandidate(id: "\($0.key)", names: [$0.name]) }
    }

    /// The key behind a candidate id produced by `candidates`.
    func key(forCandidate id: String) -> EntityKey? {
        if let key = try? EntityKey(parsing: id, as: .participant), participants[key.id] != nil { return key }
        if let key = try? EntityKey(parsing: id, as: .moderator), moderators[key.id] != nil { return key }
        return nil
    }

    /// The label stored for a turn by a known person: their display name, or their key once forgotten.
    func label(for key: EntityKey) -> String {
        switch key.entity {
        case .participant:
            guard let person = participants[key.id], !person.isErased else { return "\(key)" }
            return person.displayName
        default:
            return moderators[key.id]?.name ?? "\(key)"
        }
    }

    /// The people behind `keys` with their names, as an ambiguous label's candidates; a forgotten
    /// participant has no name.
    func candidates(_ keys: [EntityKey]) -> [AmbiguousSpeaker.Candidate] {
        keys.map { key in
            let name: String? = switch key.entity {
            case .participant: participants[key.id].flatMap { $0.isErased ? nil : $0.displayName }
            default: moderators[key.id]?.name
            }
            return AmbiguousSpeaker.Candidate(key: key, name: name)
        }
    }

    /// Resolves a speaker typed as `P-000001`, `M-0001` or any other label, checking that the
    /// person takes part in `session`.
    func speaker(typed text: String, session: EntityKey) throws -> Speaker {
        let trimmed = UnicodeText.trimmed(text)
        if let key = try? EntityKey(parsing: trimmed, as: .participant) {
            guard participants[key.id] != nil else { throw RoundtableError.rule("\(key) has no seat in \(session)") }
            return .participant(key.id)
        }
        if let key = try? EntityKey(parsing: trimmed, as: .moderator) {
            guard moderators[key.id] != nil else { throw RoundtableError.rule("\(key) does not moderate \(session)") }
            return .moderator(key.id)
        }
        return .label(try TextRules.name(trimmed, what: "the speaker label"))
    }

    /// Refuses an utterance attributed to someone who does not take part in `session`.
    func check(_ utterance: Utterance, session: EntityKey) throws {
        if let id = utterance.participantId, participants[id] == nil {
            throw RoundtableError.rule("\(EntityKey(.participant, id: id)) has no seat in \(session)")
        }
        if let id = utterance.moderatorId, moderators[id] == nil {
            throw RoundtableError.rule("\(EntityKey(.moderator, id: id)) does not moderate \(session)")
        }
        if utterance.participantId != nil && utterance.moderatorId != nil {
            throw RoundtableError.rule("an utterance is by a participant or by a moderator, not both")
        }
    }
}

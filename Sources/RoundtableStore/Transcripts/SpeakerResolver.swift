import Foundation
import GRDB
import RoundtableCore

/// A speaker label the importer was told to attribute to a person, and where it was said
/// (`--speaker 'Speaker 2=P-000012'`, `names.txt:4`), which errors name.
public struct SpeakerMapping: Sendable, Equatable {
    public var label: String
    /// A participant or moderator key, as typed.
    public var key: String
    public var origin: String

    /// Creates a mapping.
    public init(label: String, key: String, origin: String) {
        self.label = label
        self.key = key
        self.origin = origin
    }
}

/// Attributes speaker labels to a session's people: labels mapped by the user first, then the
/// `SpeakerMatcher`'s match by key or name, each label worked out once.
struct SpeakerResolver {
    let speakers: SessionSpeakers
    private let matcher: SpeakerMatcher
    /// Mapped people by the label's search key, and the mappings no turn has used yet.
    private var mapped: [String: EntityKey] = [:]
    private(set) var unused: [SpeakerMapping] = []
    private var cache: [String: SpeakerReport.Outcome] = [:]

    /// Checks every mapping against `speakers`: a key that is no participant or moderator of
    /// `session` is an error naming the mapping's origin.
    init(speakers: SessionSpeakers, mappings: [SpeakerMapping], session: EntityKey) throws {
        self.speakers = speakers
        matcher = SpeakerMatcher(candidates: speakers.candidates)
        for mapping in mappings {
            let key: EntityKey
            do {
                switch try speakers.speaker(typed: mapping.key, session: session) {
                case .participant(let id): key = EntityKey(.participant, id: id)
                case .moderator(let id): key = EntityKey(.moderator, id: id)
                case .label:
                    throw RoundtableError.rule("'\(mapping.key)' is not a participant or moderator key (P-000012, M-0001)")
                }
            } catch let error as RoundtableError {
                throw RoundtableError.rule("\(mapping.origin): \(error.message)")
            }
            let label = UnicodeText.searchKey(mapping.label)
            if let earlier = mapped[label], earlier != key {
                throw RoundtableError.rule("\(mapping.origin): '\(mapping.label)' is already mapped to \(earlier)")
            }
            mapped[label] = key
            unused.append(mapping)
        }
    }

    /// The person mapped to `label` by the user, if any.
    mutating func mappedKey(_ label: String) -> EntityKey? {
        guard !mapped.isEmpty, let key = mapped[UnicodeText.searchKey(label)] else { return nil }
        let search = UnicodeText.searchKey(label)
        unused.removeAll { UnicodeText.searchKey($0.label) == search }
        return key
    }

    /// The label to store for a turn by `person` that the file calls `label`: the person's own
    /// label when the user mapped `label` to them ("Speaker 2" tells a reader nothing), else `label`.
    func storedLabel(_ label: String, person: EntityKey) -> String {
        guard !mapped.isEmpty, mapped[UnicodeText.searchKey(label)] == person else { return label }
        return speakers.label(for: person)
    }

    /// Who `label` stands for: a mapped person, else the one person it matches, else nobody or several.
    mutating func outcome(_ label: String) -> SpeakerReport.Outcome {
        if let key = mappedKey(label) { return .matched(key) }
        if let known = cache[label] { return known }
        let outcome: SpeakerReport.Outcome = switch matcher.match(label) {
        case .matched(let id): speakers.key(forCandidate: id).map { .matched($0) } ?? .unmatched
        case .ambiguous(let ids): .ambiguous(speakers.candidates(ids.compactMap(speakers.key(forCandidate:))))
        case .unmatched: .unmatched
        }
        cache[label] = outcome
        return outcome
    }
}

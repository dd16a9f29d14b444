import Foundation

/// The kinds of entity that carry a generated key such as `S-0003`.
public enum KeyedEntity: String, Sendable, CaseIterable {
    case moderator
    case participant
    case session
    case utterance
    case note
    case commentCard
    case reaction

    /// The letter the key starts with.
    public var prefix: Character {
        switch self {
        case .moderator: "M"
        case .participant: "P"
        case .session: "S"
        case .utterance: "U"
        case .note: "N"
        case .commentCard: "C"
        case .reaction: "R"
        }
    }

    /// How many digits the number is padded to.
    public var digits: Int {
        switch self {
        case .participant, .utterance: 6
        case .moderator, .session, .note, .commentCard, .reaction: 4
        }
    }
}

/// A user-facing key derived from a row id: `M-0001`, `P-000001`, `S-0001`.
public struct EntityKey: Hashable, Sendable, CustomStringConvertible {
    /// Which kind of entity this key names.
    public let entity: KeyedEntity
    /// The row id behind the key.
    public let id: Int64

    /// Creates the key of a row.
    public init(_ entity: KeyedEntity, id: Int64) {
        self.entity = entity
        self.id = id
    }

    /// Parses `S-0003`, `s-3` or `S3`; throws a usage error naming the expected shape.
    public init(parsing text: String, as entity: KeyedEntity) throws {
        let trimmed = UnicodeText.trimmed(text)
        var rest = Substring(trimmed)
        guard let first = rest.first, first.uppercased() == String(entity.prefix) else {
            throw RoundtableError.usage(Self.shapeMessage(text, entity))
        }
        rest = rest.dropFirst()
        if rest.first == "-" { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.allSatisfy(\.isASCIIDigitCharacter), let number = Int64(rest), number > 0 else {
            throw RoundtableError.usage(Self.shapeMessage(text, entity))
        }
        self.init(entity, id: number)
    }

    public var description: String {
        let number = String(id)
        let padding = String(repeating: "0", count: max(0, entity.digits - number.count))
        return "\(entity.prefix)-\(padding)\(number)"
    }

    private static func shapeMessage(_ text: String, _ entity: KeyedEntity) -> String {
        let example = EntityKey(entity, id: 1)
        return "'\(text)' is not a \(entity.rawValue) key (expected something like \(example))"
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

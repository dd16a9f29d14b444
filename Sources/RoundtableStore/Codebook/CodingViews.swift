import Foundation
import RoundtableCore

/// A coding with the code's path and the text it covers, as `code apply` and listings show it.
public struct CodedSpan: Sendable {
    /// The stored coding.
    public var coding: Coding
    /// The path of the code applied, such as `Channel/Phone`.
    public var codePath: String
    /// What was coded: `U-000001`, `N-0001`, `C-0001` or `R-0001`.
    public var target: EntityKey
    /// The span covered, in Unicode scalars; the whole text when the coding names none.
    public var span: TextSpan
    /// Whether the coding applies to the whole text rather than a span of it.
    public var isWholeText: Bool
    /// The covered text.
    public var text: String

    /// Creates a coded span from a coding and the current text of its target.
    public init(coding: Coding, codePath: String, targetText: String) {
        self.coding = coding
        self.codePath = codePath
        target = coding.target.key
        isWholeText = coding.span == nil
        span = coding.span ?? TextSpan(start: 0, end: targetText.unicodeScalars.count)
        text = span.text(in: targetText)
    }
}

/// A code as often applied in a session, with a quote that shows it, for `report session`.
public struct TopCode: Sendable {
    /// The code.
    public var code: Code
    /// `Channel/Phone`.
    public var path: String
    /// How many of the session's utterances and notes carry it (each once, whoever coded it).
    public var codings: Int
    /// The covered text of its longest coding on an utterance that may be quoted; nil when none.
    public var quote: CodeQuote?
}

/// A representative quote: what a speaker said in one utterance.
public struct CodeQuote: Sendable, Equatable {
    /// `U-000003`.
    public var utterance: EntityKey
    /// The speaker as the transcript labels them.
    public var speaker: String
    /// The covered text.
    public var text: String
}

extension CodingTarget {
    /// The key users name the target by.
    public var key: EntityKey {
        switch self {
        case .utterance(let id): EntityKey(.utterance, id: id)
        case .note(let id): EntityKey(.note, id: id)
        case .commentCard(let id): EntityKey(.commentCard, id: id)
        case .reaction(let id): EntityKey(.reaction, id: id)
        }
    }

    /// The target a key names, or a usage error for keys of things that cannot be coded.
    public init(key: EntityKey) throws {
        switch key.entity {
        case .utterance: self = .utterance(key.id)
        case .note: self = .note(key.id)
        case .commentCard: self = .commentCard(key.id)
        case .reaction: self = .reaction(key.id)
        default:
            throw RoundtableError.usage(
                "\(key) cannot be coded: give an utterance (U-000001), a note (N-0001), a comment card (C-0001)"
                    + " or a reaction (R-0001)")
        }
    }

    /// The coding column that points at this kind of target.
    var column: String {
        switch self {
        case .utterance: "utteranceId"
        case .note: "noteId"
        case .commentCard: "commentCardId"
        case .reaction: "reactionId"
        }
    }

    /// The row id of the target.
    var id: Int64 {
        switch self {
        case .utterance(let id), .note(let id), .commentCard(let id), .reaction(let id): id
        }
    }
}

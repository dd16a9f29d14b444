import Foundation

/// A code in the codebook; codes nest under a parent.
public struct Code: Codable, Hashable, Sendable {
    public var id: Int64?
    public var parentId: Int64?
    public var name: String
    public var description: String?
    /// `#rrggbb`, lower case.
    public var color: String?
    public var createdAt: Date
    /// The code's GUID in REFI-QDA exchange.
    public var guid: String

    /// Creates a code.
    public init(id: Int64? = nil, parentId: Int64? = nil, name: String, description: String? = nil, color: String? = nil,
                createdAt: Date, guid: String = GUID.make()) {
        self.id = id
        self.guid = guid
        self.parentId = parentId
        self.name = name
        self.description = description
        self.color = color
        self.createdAt = createdAt
    }

    /// The separator of code paths such as `Channel/Phone`.
    public static let pathSeparator: Character = "/"

    /// Checks a code name: one line, 1–200 characters, without the path separator.
    public static func validateName(_ name: String) throws -> String {
        let checked = try TextRules.token(name, what: "a code name")
        guard !checked.contains(pathSeparator) else {
            throw RoundtableError.usage("a code name cannot contain '\(pathSeparator)' (it separates parent and child: Channel/Phone)")
        }
        return checked
    }

    /// Checks a description: composed and trimmed, nil when blank.
    public static func validateDescription(_ description: String?) throws -> String? {
        guard let description else { return nil }
        let composed = UnicodeText.composed(description)
        return composed.isEmpty ? nil : try TextRules.text(composed, what: "the description")
    }

    /// Checks a colour given as `#rrggbb` (or `rrggbb`, or the short `#rgb` other tools write),
    /// returning it as `#rrggbb` in lower case.
    public static func validateColor(_ color: String) throws -> String {
        var hex = color.hasPrefix("#") ? String(color.dropFirst()) : color
        if hex.utf8.count == 3, hex.allSatisfy(\.isHexDigit) { hex = hex.map { "\($0)\($0)" }.joined() }
        guard hex.utf8.count == 6, hex.allSatisfy(\.isHexDigit) else {
            throw RoundtableError.usage("colour '\(color)' must be #rrggbb, like #1f77b4")
        }
        return "#" + hex.lowercased()
    }
}

/// What a coding is applied to.
public enum CodingTarget: Hashable, Sendable {
    case utterance(Int64)
    case note(Int64)
    case commentCard(Int64)
    case reaction(Int64)
}

/// A code applied to a span of an utterance, a note, a comment card or a reaction's comment.
public struct Coding: Codable, Hashable, Sendable {
    public var id: Int64?
    public var codeId: Int64
    public var utteranceId: Int64?
    public var noteId: Int64?
    public var commentCardId: Int64?
    public var reactionId: Int64?
    /// Unicode-scalar offsets into the target's text, end exclusive; nil for the whole text.
    public var startOffset: Int?
    public var endOffset: Int?
    /// Who applied it.
    public var coder: String
    public var createdAt: Date
    /// The coding's GUID in REFI-QDA exchange (a selection there).
    public var guid: String
    /// The batch (`code apply --search`) that made it, nil for a coding made one at a time.
    public var batchId: Int64?

    /// Creates a coding of `target`, over `span` or (nil) the whole text.
    public init(id: Int64? = nil, codeId: Int64, target: CodingTarget, span: TextSpan?, coder: String, createdAt: Date,
                guid: String = GUID.make(), batchId: Int64? = nil) {
        self.id = id
        self.guid = guid
        self.batchId = batchId
        self.codeId = codeId
        switch target {
        case .utterance(let id): utteranceId = id
        case .note(let id): noteId = id
        case .commentCard(let id): commentCardId = id
        case .reaction(let id): reactionId = id
        }
        startOffset = span?.start
        endOffset = span?.end
        self.coder = coder
        self.createdAt = createdAt
    }

    /// What the coding is applied to.
    public var target: CodingTarget {
        if let utteranceId { return .utterance(utteranceId) }
        if let noteId { return .note(noteId) }
        if let commentCardId { return .commentCard(commentCardId) }
        return .reaction(reactionId ?? 0)
    }

    /// The coded span, nil when the whole text is coded.
    public var span: TextSpan? {
        guard let startOffset, let endOffset else { return nil }
        return TextSpan(start: startOffset, end: endOffset)
    }
}

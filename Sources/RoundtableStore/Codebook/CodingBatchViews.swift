import Foundation
import RoundtableCore

/// How `code apply --search` narrows its search.
public struct BatchScope: Sendable, Equatable {
    /// Only this session's transcript.
    public var session: EntityKey?
    /// Only this participant's or moderator's turns.
    public var speaker: EntityKey?
    /// Code each matching utterance whole, once, instead of the matched words.
    public var wholeUtterance: Bool

    /// Creates a scope; the default searches every transcript and codes the matched words.
    public init(session: EntityKey? = nil, speaker: EntityKey? = nil, wholeUtterance: Bool = false) {
        self.session = session
        self.speaker = speaker
        self.wholeUtterance = wholeUtterance
    }

    /// As a batch records it: `session S-0001, speaker P-000001, whole utterances`, or `all transcripts`.
    public var description: String {
        var parts = [session.map { "session \($0)" } ?? "all transcripts"]
        if let speaker { parts.append("speaker \(speaker)") }
        if wholeUtterance { parts.append("whole utterances") }
        return parts.joined(separator: ", ")
    }
}

/// One coding a search found to make, or found already made.
public struct PlannedCoding: Sendable, Equatable {
    /// The utterance coded.
    public var utterance: EntityKey
    /// The span covered, in Unicode scalars.
    public var span: TextSpan
    /// Whether the whole utterance is coded rather than a span of it.
    public var isWholeText: Bool
    /// The covered text.
    public var text: String
    /// Whether the same code already covers the same span (then it is skipped).
    public var alreadyCoded: Bool
}

/// What `code apply --search` did, or with a dry run would do.
public struct CodingBatchResult: Sendable {
    /// The batch number; nil on a dry run or when there was nothing new to code.
    public var batch: Int64?
    /// The code applied, such as `Channel/Phone`.
    public var codePath: String
    /// The search as typed.
    public var query: String
    /// How it was narrowed.
    public var scope: BatchScope
    /// Every match in transcript order, skipped ones included.
    public var codings: [PlannedCoding]

    /// How many codings were (or would be) made.
    public var applied: Int { codings.count { !$0.alreadyCoded } }
    /// How many matches were already coded.
    public var skipped: Int { codings.count { $0.alreadyCoded } }
    /// How many utterances the new codings are in.
    public var utterances: Int { Set(codings.filter { !$0.alreadyCoded }.map(\.utterance)).count }
}

/// A batch as `code batches` lists it.
public struct CodingBatchSummary: Sendable {
    public var batch: CodingBatch
    /// The path of its code.
    public var codePath: String
    /// How many of its codings are still there.
    public var codingsLeft: Int
}

/// What taking a batch back removed.
public struct CodingBatchRemoval: Sendable {
    public var batch: CodingBatch
    public var codePath: String
    /// How many of its codings were still there and are now gone.
    public var removed: Int
}

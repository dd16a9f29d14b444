import Foundation
import RoundtableCore
import RoundtableStore

/// The one-line summaries of `code apply --search` and `code unapply`.
enum CodingBatchText {
    /// `batch 3: Channel/Phone applied to 14 spans in 9 utterances (2 already coded, skipped)`.
    static func summary(_ result: CodingBatchResult, dryRun: Bool) -> String {
        if result.codings.isEmpty {
            return "\(result.codePath): no utterance matches \"\(result.query)\"; nothing coded"
        }
        let skipped = result.skipped == 0 ? "" : " (\(result.skipped) already coded, skipped)"
        let reach = result.scope.wholeUtterance
            ? count(result.utterances, "utterance")
            : "\(count(result.applied, "span")) in \(count(result.utterances, "utterance"))"
        if dryRun { return "dry run: \(result.codePath) would be applied to \(reach)\(skipped); nothing written" }
        guard let batch = result.batch else {
            return "\(result.codePath): nothing new to code; \(count(result.skipped, "match")) already coded"
        }
        return "batch \(batch): \(result.codePath) applied to \(reach)\(skipped)\n"
            + "take it back with: roundtable code unapply --batch \(batch)"
    }

    /// `1 span`, `14 spans`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)" + (number == 1 ? "" : noun.hasSuffix("ch") ? "es" : "s")
    }
}

/// One coding as scripts see it.
struct CodedSpanJSON: Encodable {
    var code: String
    var target: String
    var spanStart: Int
    var spanEnd: Int
    var wholeText: Bool
    var text: String
    var coder: String
    /// The `code apply --search` batch that made it, null for a coding applied by hand.
    @JSONNullable var batch: Int64?

    init(_ coded: CodedSpan) {
        code = coded.codePath
        target = "\(coded.target)"
        spanStart = coded.span.start
        spanEnd = coded.span.end
        wholeText = coded.isWholeText
        text = coded.text
        coder = coded.coding.coder
        batch = coded.coding.batchId
    }
}

/// What `code apply --search` did (or would do) as scripts see it.
struct CodingBatchJSON: Encodable {
    struct Match: Encodable {
        var utterance: String
        var spanStart: Int
        var spanEnd: Int
        var wholeText: Bool
        var text: String
        var alreadyCoded: Bool
    }

    /// Null on a dry run or when nothing new was coded.
    @JSONNullable var batch: Int64?
    var dryRun: Bool
    var code: String
    var query: String
    var scope: String
    var applied: Int
    var skipped: Int
    var utteranceCount: Int
    var matches: [Match]

    init(_ result: CodingBatchResult, dryRun: Bool) {
        batch = result.batch
        self.dryRun = dryRun
        code = result.codePath
        query = result.query
        scope = result.scope.description
        applied = result.applied
        skipped = result.skipped
        utteranceCount = result.utterances
        matches = result.codings.map {
            Match(utterance: "\($0.utterance)", spanStart: $0.span.start, spanEnd: $0.span.end, wholeText: $0.isWholeText, text: $0.text,
                  alreadyCoded: $0.alreadyCoded)
        }
    }
}

import Foundation
import RoundtableCore

/// How `code agreement` cuts a session's utterances into units.
public enum AgreementUnit: String, Sendable, CaseIterable {
    /// One unit per utterance: a coder applied a code to it anywhere, or did not.
    case turn
    /// One unit per Unicode scalar of the utterances: a coder's coding covers it, or does not.
    case character
}

/// One utterance as the agreement sees it: its key, its text and the chosen coders' codings of it.
struct AgreementUtterance: Sendable {
    /// A coding: the code's path, the coder's position in the coder list and the span it covers.
    struct Coded: Sendable {
        var code: String
        var coder: Int
        var span: TextSpan
    }

    var key: EntityKey
    var text: String
    var codings: [Coded]
}

/// Builds, per code, the binary reliability data of a set of coders over utterances — each unit's
/// value is whether the coder applied the code there — and lists every unit they disagree on.
///
/// Character units are built on segment boundaries: within one utterance the coders' spans of a
/// code cut the text into stretches where no coder's value changes, and each stretch becomes one
/// unit weighted by its length, so the statistics equal those of one unit per character.
struct CodingAgreement {
    let coders: [String]
    let unit: AgreementUnit
    /// Each code's data, by path.
    private(set) var data: [String: ReliabilityData<Bool>] = [:]
    /// The units the coders disagree on, in utterance order, then by span and code.
    private(set) var disagreements: [AgreementDisagreement] = []

    /// Builds the data of `codes` over `utterances`, given in transcript order.
    init(coders: [String], unit: AgreementUnit, codes: [String], utterances: [AgreementUtterance]) {
        self.coders = coders
        self.unit = unit
        for code in codes { data[code] = ReliabilityData(coders: coders.count) }
        for utterance in utterances {
            var found: [AgreementDisagreement] = []
            let length = utterance.text.unicodeScalars.count
            let byCode = Dictionary(grouping: utterance.codings, by: \.code)
            for code in codes {
                guard let codings = byCode[code] else {
                    // Nobody applied it here: one unit (or one stretch of every character) all 0.
                    let weight = unit == .turn ? 1 : length
                    if weight > 0 { data[code]!.add(Array(repeating: false, count: coders.count), weight: weight) }
                    continue
                }
                var spans = Array(repeating: [TextSpan](), count: coders.count)
                for coded in codings {
                    // Clamped, so a span left longer than an edited text cannot count phantom characters.
                    let span = TextSpan(start: min(max(coded.span.start, 0), length), end: min(max(coded.span.end, 0), length))
                    if span.length > 0 { spans[coded.coder].append(span) }
                }
                let stretches = unit == .turn ? Self.turn(spans) : Self.characters(spans, length: length)
                for stretch in stretches {
                    data[code]!.add(stretch.values, weight: stretch.weight)
                    guard stretch.values.contains(!stretch.values[0]) else { continue }
                    found.append(AgreementDisagreement(
                        utterance: utterance.key, code: code, span: stretch.span, text: stretch.span.text(in: utterance.text),
                        appliedBy: coders.indices.filter { stretch.values[$0] }.map { coders[$0] },
                        notBy: coders.indices.filter { !stretch.values[$0] }.map { coders[$0] }))
                }
            }
            disagreements += found.sorted { ($0.span.start, $0.span.end, $0.code) < ($1.span.start, $1.span.end, $1.code) }
        }
    }

    /// A stretch of an utterance over which every coder's value stays the same.
    struct Stretch {
        var values: [Bool]
        var weight: Int
        var span: TextSpan
    }

    /// The utterance as one unit; its span is the stretch the appliers coded (first start to last end).
    static func turn(_ spans: [[TextSpan]]) -> [Stretch] {
        let all = spans.joined()
        let span = TextSpan(start: all.map(\.start).min() ?? 0, end: all.map(\.end).max() ?? 0)
        return [Stretch(values: spans.map { !$0.isEmpty }, weight: 1, span: span)]
    }

    /// The utterance cut where any coder's span starts or ends; adjacent stretches with the same
    /// values merged, empty ones dropped.
    static func characters(_ spans: [[TextSpan]], length: Int) -> [Stretch] {
        var cuts = Set([0, length])
        for span in spans.joined() {
            cuts.insert(span.start)
            cuts.insert(span.end)
        }
        let bounds = cuts.sorted()
        var stretches: [Stretch] = []
        for (start, end) in zip(bounds, bounds.dropFirst()) where start < end {
            let values = spans.map { coder in coder.contains { $0.start <= start && end <= $0.end } }
            if let last = stretches.last, last.values == values {
                stretches[stretches.count - 1].weight += end - start
                stretches[stretches.count - 1].span = TextSpan(start: last.span.start, end: end)
            } else {
                stretches.append(Stretch(values: values, weight: end - start, span: TextSpan(start: start, end: end)))
            }
        }
        return stretches
    }
}

/// A unit the coders disagree on: who applied the code there and who did not.
public struct AgreementDisagreement: Sendable, Equatable {
    /// `U-000003`.
    public var utterance: EntityKey
    /// The code's path.
    public var code: String
    /// Character units: the stretch in disagreement. Turn units: the stretch the appliers coded.
    public var span: TextSpan
    /// The text of `span`.
    public var text: String
    /// The coders whose codings cover the span, in coder order.
    public var appliedBy: [String]
    /// The coders whose codings do not.
    public var notBy: [String]
}

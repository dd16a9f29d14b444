import Foundation
import RoundtableCore

/// Places a transcript's turns on ELAN's millisecond time line, filling in times the transcript
/// lacks, so that every annotation ends after it starts and no tier has overlapping annotations.
///
/// The rules, applied in transcript order:
/// - start: the turn's own start; without one, where the turn before it ends (0 for the first),
///   so untimed turns follow one another in order;
/// - end: the turn's own end when it is after the start; else the next turn's start when that is
///   after this start; else the start plus an estimate from the length of the text
///   (`estimatedDuration`: 80 ms a character, about 150 words a minute, 1 s to 60 s);
/// - within one tier (one speaker), annotations are taken in time order and an annotation that
///   starts before the previous one ends cuts that one short, or, when both start together,
///   moves after it keeping its length;
/// - times are clamped to what EAF's unsigned 32-bit `TIME_VALUE` holds (0 to about 49 days).
struct ELANTimeline {
    /// One turn as the time line needs it.
    struct Turn: Equatable {
        /// Which tier (speaker) the turn belongs to.
        var tier: Int
        var startMs: Int?
        var endMs: Int?
        /// The length of the text in Unicode scalars, for estimating a missing end.
        var length: Int
    }

    /// Where one annotation falls, in milliseconds; `start < end`.
    struct Span: Equatable {
        var start: Int
        var end: Int
    }

    /// The largest time EAF can hold (`xsd:unsignedInt`).
    static let latest = Int(UInt32.max)

    /// How long a turn of `length` Unicode scalars is taken to last when nothing says.
    static func estimatedDuration(length: Int) -> Int {
        // The same estimate subtitles use, so an EAF and a WebVTT of one transcript agree.
        SubtitleCue.estimatedDuration(length: length)
    }

    /// One span per turn, in the same order.
    static func place(_ turns: [Turn]) -> [Span] {
        var spans: [Span] = []
        spans.reserveCapacity(turns.count)
        var cursor = 0
        for (index, turn) in turns.enumerated() {
            let start = clamped(turn.startMs ?? cursor, to: 0...(latest - 1))
            var end = start + estimatedDuration(length: turn.length)
            if let known = turn.endMs, known > start {
                end = known
            } else if index + 1 < turns.count, let next = turns[index + 1].startMs, next > start {
                end = next
            }
            spans.append(Span(start: start, end: clamped(end, to: (start + 1)...latest)))
            cursor = spans[index].end
        }
        separateWithinTiers(&spans, tiers: turns.map(\.tier))
        return spans
    }

    /// Makes each tier's annotations follow one another without overlap (see the type's rules).
    private static func separateWithinTiers(_ spans: inout [Span], tiers: [Int]) {
        let byTier = Dictionary(grouping: spans.indices, by: { tiers[$0] })
        for indices in byTier.values {
            let ordered = indices.sorted { (spans[$0].start, $0) < (spans[$1].start, $1) }
            for (previous, current) in zip(ordered, ordered.dropFirst()) where spans[current].start < spans[previous].end {
                if spans[current].start > spans[previous].start {
                    spans[previous].end = spans[current].start
                } else {
                    let length = spans[current].end - spans[current].start
                    let start = min(spans[previous].end, latest - 1)
                    spans[current] = Span(start: start, end: min(start + length, latest))
                }
            }
        }
    }

    private static func clamped(_ value: Int, to range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }
}

/// ELAN's `TIME_ORDER`: two time slots per annotation, numbered in time order so that the slot
/// list reads as a time line, and each annotation's start slot comes before its end slot.
struct ELANTimeSlots {
    /// Slot values in milliseconds, in slot-number order (never decreasing).
    let values: [Int]
    /// The slot number of each annotation's start, by annotation index.
    let start: [Int]
    /// The slot number of each annotation's end, by annotation index.
    let end: [Int]

    /// The slots for `spans` (each `start < end`).
    init(_ spans: [ELANTimeline.Span]) {
        // Slot 2i is annotation i's start, 2i+1 its end; equal times keep that order, so the output is stable.
        let order = (0..<(spans.count * 2)).sorted { a, b in
            (Self.value(of: a, in: spans), a) < (Self.value(of: b, in: spans), b)
        }
        var number = [Int](repeating: 0, count: order.count)
        for (position, slot) in order.enumerated() { number[slot] = position }
        values = order.map { Self.value(of: $0, in: spans) }
        start = spans.indices.map { number[2 * $0] }
        end = spans.indices.map { number[2 * $0 + 1] }
    }

    /// `ts1`, `ts2`, …: the `TIME_SLOT_ID` of slot number `number`.
    static func id(_ number: Int) -> String {
        "ts\(number + 1)"
    }

    private static func value(of slot: Int, in spans: [ELANTimeline.Span]) -> Int {
        slot % 2 == 0 ? spans[slot / 2].start : spans[slot / 2].end
    }
}

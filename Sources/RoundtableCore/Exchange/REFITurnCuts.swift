import Foundation

/// Where a source's turns lie, without copying their text: each turn's speaker and text are made on demand.
public struct REFITurnCuts: Sendable {
    /// One turn's place: UTF-8 byte ranges to slice its speaker and text, code-point offsets for selections
    /// (Int, not Int32: an entry may unpack to 2 GiB, one past Int32).
    struct Cut: Sendable {
        /// Speaker bytes; `speakerStart < 0` for the default speaker.
        var speakerStart: Int
        var speakerEnd: Int
        var textStart: Int
        var textEnd: Int
        var lineStart: Int
        var start: Int
        var end: Int
        var line: Int
    }

    let text: String
    var cuts: [Cut] = []
    /// Codings by turn index: most turns have none.
    var codings: [Int: [REFIImportSpan]] = [:]
    /// Speakers whose trimmed name is not a slice of the line (never seen in practice; kept exact).
    var oddSpeakers: [Int: String] = [:]

    init(text: String) { self.text = text }

    /// How many turns.
    public var count: Int { cuts.count }

    /// The turn at `index` exactly as `split` gives it (speaker, text, line, codings, lineStart/start/end).
    public func turn(_ index: Int) -> REFIImportTurn {
        let cut = cuts[index]
        let speaker = (oddSpeakers.isEmpty ? nil : oddSpeakers[index])
            ?? (cut.speakerStart < 0 ? REFITurnSplitter.defaultSpeaker : slice(cut.speakerStart, cut.speakerEnd))
        return REFIImportTurn(speaker: speaker, text: slice(cut.textStart, cut.textEnd), line: cut.line,
                              codings: codings.isEmpty ? [] : codings[index] ?? [], lineStart: cut.lineStart, start: cut.start, end: cut.end)
    }

    /// The turn's line, where its line and text start and where its text ends (code points), without making strings.
    func bounds(_ index: Int) -> (lineStart: Int, start: Int, end: Int, line: Int) {
        let cut = cuts[index]
        return (cut.lineStart, cut.start, cut.end, cut.line)
    }

    private func slice(_ from: Int, _ to: Int) -> String {
        if let made = text.utf8.withContiguousStorageIfAvailable({ String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }) {
            return made
        }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: from)
        return String(decoding: utf8[lower..<utf8.index(lower, offsetBy: to - from)], as: UTF8.self)
    }
}

extension REFITurnCuts {
    /// The turns of `text`, one a non-blank line, as `REFITurnSplitter.split` cuts them; no codings yet.
    /// Works on the UTF-8 bytes: ASCII is tested by byte, other scalars decoded only where white space matters.
    init(cutting text: String) {
        var native = text
        native.makeContiguousUTF8()
        self.init(text: native)
        native.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return }
            var lines = 1
            var at = 0
            while at < bytes.count, let found = memchr(base + at, 0x0A, bytes.count - at) {
                lines += 1
                at = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            }
            cuts.reserveCapacity(lines)
            var lineBegin = 0
            var scalarOffset = 0
            var number = 0
            while lineBegin <= bytes.count {
                number += 1
                var lineEnd = bytes.count
                if lineBegin < bytes.count, let found = memchr(base + lineBegin, 0x0A, bytes.count - lineBegin) {
                    lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                let lineStart = scalarOffset
                let lineScalars = Self.scalars(bytes, lineBegin, lineEnd)
                scalarOffset += lineScalars + 1
                defer { lineBegin = lineEnd + 1 }
                let bodyEnd = Self.trimEnd(bytes, lineBegin, lineEnd)
                let bodyStart = Self.skipSpace(bytes, lineBegin, bodyEnd)
                guard bodyStart < bodyEnd else { continue }
                let leadScalars = Self.scalars(bytes, lineBegin, bodyStart)
                var cut = Cut(speakerStart: -1, speakerEnd: -1, textStart: bodyStart, textEnd: bodyEnd, lineStart: lineStart,
                              start: lineStart + leadScalars, end: 0, line: number)
                var textScalars = lineScalars - leadScalars - Self.scalars(bytes, bodyEnd, lineEnd)
                if let found = memchr(base + bodyStart, 0x3A, bodyEnd - bodyStart) {
                    let colon = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    let colonScalars = colon - bodyStart <= 60 ? Self.scalars(bytes, bodyStart, colon) : Self.scalars(bytes, bodyStart, colon, atMost: 61)
                    if colonScalars > 0, colonScalars <= 60 {
                        let rest = Self.skipSpace(bytes, colon + 1, bodyEnd)
                        if rest < bodyEnd, let name = Self.speaker(bytes, bodyStart, colon) {
                            let skipped = colonScalars + 1 + Self.scalars(bytes, colon + 1, rest)
                            switch name {
                            case .slice(let from, let to): (cut.speakerStart, cut.speakerEnd) = (from, to)
                            case .odd(let made): oddSpeakers[cuts.count] = made
                            }
                            cut.start += skipped
                            cut.textStart = rest
                            textScalars -= skipped
                        }
                    }
                }
                cut.end = cut.start + textScalars
                cuts.append(cut)
            }
        }
    }

    /// A speaker's name: the bytes it lies in, or (when trimming did not give a slice) the name itself.
    enum Name { case slice(Int, Int), odd(String) }

    /// The name in `bytes[from..<to]` trimmed as `trimmingCharacters(in: .whitespaces)` trims it; nil when empty.
    static func speaker(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Name? {
        var low = from, high = to
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
        guard low < high else { return nil }
        // ASCII at both ends (not a space or tab) needs no more; otherwise Foundation trims, as before.
        if bytes[low] < 0x80, bytes[high - 1] < 0x80 { return .slice(low, high) }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let wanted = Array(trimmed.utf8)
        var at = from
        while at + wanted.count <= to {
            if bytes[at] == wanted[0], memcmp(bytes.baseAddress! + at, wanted, wanted.count) == 0 { return .slice(at, at + wanted.count) }
            at += 1
        }
        return .odd(trimmed)
    }

    /// Code points in `bytes[from..<to]` (bytes that do not continue a scalar), stopping at `atMost`.
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, atMost: Int = .max) -> Int {
        var count = 0
        var at = from
        while at < to, count < atMost {
            if bytes[at] & 0xC0 != 0x80 { count += 1 }
            at += 1
        }
        return count
    }

    /// The first byte from `from` (before `to`) that does not start a white-space scalar (`isWhitespace`).
    static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var at = from
        while at < to {
            let byte = bytes[at]
            if byte < 0x80 {
                guard byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) else { return at }
                at += 1
                continue
            }
            let (scalar, length) = decode(bytes, at)
            guard scalar.properties.isWhitespace else { return at }
            at += length
        }
        return at
    }

    /// The end of `bytes[from..<to]` with trailing white-space scalars (`isWhitespace`) dropped.
    static func trimEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var end = to
        while end > from {
            let byte = bytes[end - 1]
            if byte < 0x80 {
                guard byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) else { return end }
                end -= 1
                continue
            }
            var lead = end - 1
            while lead > from, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard decode(bytes, lead).scalar.properties.isWhitespace else { return end }
            end = lead
        }
        return end
    }

    /// The scalar starting at `at` (valid UTF-8: a String's bytes) and its length in bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[at])
        let (length, value): (Int, UInt32) = if lead < 0xE0 {
            (2, (lead & 0x1F) << 6 | UInt32(bytes[at + 1] & 0x3F))
        } else if lead < 0xF0 {
            (3, (lead & 0x0F) << 12 | UInt32(bytes[at + 1] & 0x3F) << 6 | UInt32(bytes[at + 2] & 0x3F))
        } else {
            (4, (lead & 0x07) << 18 | UInt32(bytes[at + 1] & 0x3F) << 12 | UInt32(bytes[at + 2] & 0x3F) << 6 | UInt32(bytes[at + 3] & 0x3F))
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

import Foundation

/// The timing line of a WebVTT or SRT cue, `00:01:02.500 --> 00:01:04.000` with any cue settings
/// after it, and the rule that cues come in time order.
///
/// A time is `[h:]mm:ss` followed by `.` (WebVTT) or `,` (SRT) and 1–3 digits of a second; hours
/// may have any number of digits and may be left out (`01:02.500`). Both separators are read in
/// both formats, since tools mix them up. A cue may overlap the one before it (people talk at
/// once, and Teams and YouTube write such cues), but it may not start before it: WebVTT requires
/// cue starts in order, and a file whose times go back is damaged or pasted together, so its
/// turns would be put in the wrong order without a word.
struct CueTiming {
    var start: Int
    var end: Int

    /// Whether `line` is a timing line at all (holds `-->`), as opposed to a cue id or text.
    static func isTimingLine(_ line: String) -> Bool { arrow(in: line) != nil }

    /// Where `-->` is in `line`, searched in its UTF-8 bytes (Foundation's search was a tenth of an import).
    static func arrow(in line: String) -> Range<String.Index>? {
        let utf8 = line.utf8
        var index = utf8.startIndex
        while let dash = utf8[index...].firstIndex(of: UInt8(ascii: "-")) {
            let rest = utf8[dash...]
            if rest.starts(with: "-->".utf8) { return dash..<utf8.index(dash, offsetBy: 3) }
            index = utf8.index(after: dash)
        }
        return nil
    }

    /// Reads the timing line `line` at `number` of `file`.
    static func parse(_ line: String, file: String, number: Int) throws -> CueTiming {
        guard let arrow = arrow(in: line) else {
            throw RoundtableError.rule("\(file):\(number): expected a cue timing 'start --> end', found '\(line)'")
        }
        let startText = UnicodeText.trimmed(String(line[..<arrow.lowerBound]))
        let rest = line[arrow.upperBound...].drop { $0 == " " || $0 == "\t" }
        let endText = String(rest.prefix { $0 != " " && $0 != "\t" })
        let start = try time(startText, file: file, number: number)
        let end = try time(endText, file: file, number: number)
        guard end >= start else {
            throw RoundtableError.rule("\(file):\(number): the cue ends at \(format(end)), before it starts at \(format(start))")
        }
        return CueTiming(start: start, end: end)
    }

    /// The milliseconds of one cue time, or an error quoting it.
    static func time(_ text: String, file: String, number: Int) throws -> Int {
        guard let value = milliseconds(text) else {
            throw RoundtableError.rule("\(file):\(number): '\(text)' is not a cue time; write it as hh:mm:ss.mmm, mm:ss.mmm "
                + "or (SRT) hh:mm:ss,mmm")
        }
        return value
    }

    /// `[h:]mm:ss` then `.` or `,` and 1–3 digits, read from the UTF-8 bytes: the leading field
    /// has 1–4 digits, the others two digits below 60 (as `TranscriptText.milliseconds`).
    static func milliseconds(_ text: String) -> Int? {
        var fields: [Int] = []
        var digits = 0
        var value = 0
        var fraction: (value: Int, digits: Int)?
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if fraction != nil {
                    fraction!.value = fraction!.value * 10 + Int(byte - 48)
                    fraction!.digits += 1
                } else {
                    value = value * 10 + Int(byte - 48)
                    digits += 1
                }
            case UInt8(ascii: ":"):
                guard fraction == nil, digits > 0 else { return nil }
                fields.append(fields.isEmpty ? (digits <= 4 ? value : -1) : (digits == 2 && value < 60 ? value : -1))
                (value, digits) = (0, 0)
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard fraction == nil else { return nil }
                fraction = (0, 0)
            default:
                return nil
            }
        }
        guard let fraction, (1...3).contains(fraction.digits), (1...2).contains(fields.count), digits == 2, value < 60,
              !fields.contains(-1) else { return nil }
        var total = 0
        for field in fields { total = total * 60 + field }
        return (total * 60 + value) * 1000 + fraction.value * [100, 10, 1][fraction.digits - 1]
    }

    /// Refuses a cue starting before the previous one (`previous`: its start and line).
    static func checkOrder(_ start: Int, after previous: (ms: Int, line: Int)?, file: String, number: Int) throws {
        guard let previous, start < previous.ms else { return }
        throw RoundtableError.rule("\(file):\(number): the cue starts at \(format(start)), before the cue on line "
            + "\(previous.line) (\(format(previous.ms))); cues must be in time order")
    }

    /// `hh:mm:ss.mmm`, always with the milliseconds.
    static func format(_ ms: Int) -> String {
        let text = TranscriptText.formatTimestamp(ms)
        return ms % 1000 == 0 ? text + ".000" : text
    }
}

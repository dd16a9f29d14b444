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
    static func isTimingLine(_ line: String) -> Bool { line.contains("-->") }

    /// Reads the timing line `line` at `number` of `file`.
    static func parse(_ line: String, file: String, number: Int) throws -> CueTiming {
        guard let arrow = line.range(of: "-->") else {
            throw RoundtableError.rule("\(file):\(number): expected a cue timing 'start --> end', found '\(line)'")
        }
        let startText = line[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces)
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
        let normalized = text.replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty, text.filter({ $0 == "," || $0 == "." }).count == 1,
              let value = TranscriptText.milliseconds(Substring(normalized)) else {
            throw RoundtableError.rule("\(file):\(number): '\(text)' is not a cue time; write it as hh:mm:ss.mmm, mm:ss.mmm "
                + "or (SRT) hh:mm:ss,mmm")
        }
        return value
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

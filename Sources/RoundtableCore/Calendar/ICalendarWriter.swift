import Foundation

/// Writes iCalendar (RFC 5545) text: content lines escaped, folded at 75 octets and ended with CRLF.
public struct ICalendarWriter: Sendable {
    /// The text written so far.
    public private(set) var output = ""

    /// The longest a physical line may be, in octets, not counting CRLF.
    public static let lineLimit = 75

    /// Starts an empty document.
    public init() {}

    /// `BEGIN:VEVENT`.
    public mutating func begin(_ component: String) {
        property("BEGIN", raw: component)
    }

    /// `END:VEVENT`.
    public mutating func end(_ component: String) {
        property("END", raw: component)
    }

    /// A TEXT property (SUMMARY, LOCATION, DESCRIPTION): the value is escaped.
    public mutating func text(_ name: String, _ value: String, _ parameters: KeyValuePairs<String, String> = [:]) {
        property(name, parameters, raw: Self.escapeText(value))
    }

    /// A property whose value is already in its iCalendar form (date-times, numbers, URIs, keywords).
    public mutating func property(_ name: String, _ parameters: KeyValuePairs<String, String> = [:],
                                  raw value: String) {
        var line = name
        for (key, parameter) in parameters {
            line += ";\(key)=\(Self.parameterValue(parameter))"
        }
        line += ":" + Self.withoutControls(value)
        output += Self.fold(line)
    }

    /// Escapes TEXT: backslash, semicolon and comma get a backslash, every line break becomes `\n`,
    /// and other control characters (which TEXT may not hold) are dropped.
    public static func escapeText(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\\", ";", ",":
                escaped.append("\\")
                escaped.append(scalar)
            case "\n" where previous == "\r":
                continue
            case "\r", "\n", "\u{2028}", "\u{2029}":
                escaped.append(contentsOf: "\\n".unicodeScalars)
            default:
                if !isControl(scalar) { escaped.append(scalar) }
            }
        }
        return String(escaped)
    }

    /// A parameter value: RFC 6868 caret escapes for `^`, line breaks and `"`, then double quotes
    /// when it holds `:`, `;` or `,` (which a bare parameter value may not).
    public static func parameterValue(_ value: String) -> String {
        var encoded = String.UnicodeScalarView()
        var needsQuotes = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "^": encoded.append(contentsOf: "^^".unicodeScalars)
            case "\"": encoded.append(contentsOf: "^'".unicodeScalars)
            case "\r", "\n": encoded.append(contentsOf: "^n".unicodeScalars)
            case ":", ";", ",":
                needsQuotes = true
                encoded.append(scalar)
            default:
                if !isControl(scalar) { encoded.append(scalar) }
            }
        }
        return needsQuotes ? "\"\(String(encoded))\"" : String(encoded)
    }

    /// One content line folded into physical lines of at most 75 octets, each ended with CRLF;
    /// continuation lines start with a space and no UTF-8 sequence is split across lines.
    public static func fold(_ line: String) -> String {
        var folded = ""
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > lineLimit {
                folded += current + "\r\n"
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += width
        }
        return folded + current + "\r\n"
    }

    /// `20270328T070000Z`: an instant in UTC, whole seconds.
    public static func utcDateTime(_ date: Date) -> String {
        dateTime(date, offsetSeconds: 0) + "Z"
    }

    /// `20270328T100000`: the wall-clock time of an instant in a zone, for use with `TZID`.
    public static func localDateTime(_ date: Date, _ zone: TimeZone) -> String {
        dateTime(date, offsetSeconds: zone.secondsFromGMT(for: date))
    }

    /// `20270328T100000` of an instant read at a fixed offset.
    static func dateTime(_ date: Date, offsetSeconds: Int) -> String {
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        let c = CivilTime(whole, offsetSeconds: offsetSeconds)
        return "\(pad(c.year, 4))\(pad(c.month, 2))\(pad(c.day, 2))"
            + "T\(pad(c.hour, 2))\(pad(c.minute, 2))\(pad(c.second, 2))"
    }

    /// `+0300` or `-0330`, as TZOFFSETFROM and TZOFFSETTO want it.
    public static func utcOffset(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        let text = "\(seconds < 0 ? "-" : "+")\(pad(magnitude / 3600, 2))\(pad(magnitude % 3600 / 60, 2))"
        return magnitude % 60 == 0 ? text : text + pad(magnitude % 60, 2)
    }

    private static func withoutControls(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isControl) else { return value }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: value.unicodeScalars.filter { !isControl($0) })
        return String(kept)
    }

    // RFC 5545 allows horizontal tab but no other control character in a value.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }
}

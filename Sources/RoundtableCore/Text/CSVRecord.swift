import Foundation

/// One line of comma-separated values as RFC 4180 writes it: fields joined by commas, the record
/// ended by CR LF, and a field that holds a comma, a double quote, CR or LF enclosed in double
/// quotes with each quote inside doubled. Nothing else is changed: the text stays as it is,
/// in whatever Unicode it holds, so a spreadsheet or a CSV reader gets back exactly what was written.
public enum CSVRecord {
    /// The end of every record, header included.
    public static let lineEnd = "\r\n"

    /// `fields` as one record, with its line end.
    public static func line(_ fields: [String]) -> String {
        var line = ""
        line.reserveCapacity(fields.reduce(2) { $0 + $1.utf8.count + 1 })
        for (index, value) in fields.enumerated() {
            if index > 0 { line += "," }
            line += field(value)
        }
        return line + lineEnd
    }

    /// `value` as one field: quoted only when it has to be.
    public static func field(_ value: String) -> String {
        guard needsQuotes(value) else { return value }
        // Scalar by scalar: a quote followed by a combining mark is one Character, and must still be doubled.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append(scalar) }
        }
        quoted.append("\"")
        return String(quoted)
    }

    private static func needsQuotes(_ value: String) -> Bool {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0D, 0x0A: return true
            default: continue
            }
        }
        return false
    }
}

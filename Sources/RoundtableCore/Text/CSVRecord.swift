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
        fields.map(field).joined(separator: ",") + lineEnd
    }

    /// `value` as one field: quoted only when it has to be.
    public static func field(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == comma || $0 == quote || $0 == 0x0D || $0 == 0x0A }) else { return value }
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

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
}

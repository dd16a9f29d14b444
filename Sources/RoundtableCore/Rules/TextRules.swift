import Foundation

/// Limits on the text people type, the same ones the native schema states, so nothing a
/// workspace holds can make its own export invalid. Lengths count Unicode code points, as XSD does.
public enum TextRules {
    /// A name or title: composed, 1–300 code points, one line, no control characters.
    public static func name(_ text: String, what: @autoclosure () -> String) throws -> String {
        if isPlainASCII(text, limit: 300) { return text }
        let composed = UnicodeText.composed(text)
        guard !composed.isEmpty else { throw RoundtableError.usage("\(what()) must not be empty") }
        try check(composed, what: what, limit: 300, multiline: false)
        return composed
    }

    /// A one-line value such as an attribute name, a room or a consent version: 1–200 code points.
    public static func token(_ text: String, what: @autoclosure () -> String) throws -> String {
        if isPlainASCII(text, limit: 200) { return text }
        let composed = UnicodeText.composed(text)
        guard !composed.isEmpty else { throw RoundtableError.usage("\(what()) must not be empty") }
        try check(composed, what: what, limit: 200, multiline: false)
        return composed
    }

    /// Free text such as an attribute value, a description or a reason: up to 10,000 code points.
    public static func text(_ text: String, what: @autoclosure () -> String) throws -> String {
        try check(text, what: what, limit: 10_000, multiline: true)
        return text
    }

    /// Whether `text` is 1…`limit` printable ASCII characters with no space at either end: then it
    /// is already trimmed, composed and free of control characters (most attribute names and values).
    private static func isPlainASCII(_ text: String, limit: Int) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, first != 0x20, last != 0x20, utf8.count <= limit else { return false }
        return utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func check(_ text: String, what: () -> String, limit: Int, multiline: Bool) throws {
        // Fast path on the UTF-8 bytes: no C0/C1 control, no DEL, short enough.
        var scalarCount = 0
        var clean = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 { scalarCount += 1 }
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte < 0xA0 && byte >= 0x80) { clean = false }
            previous = byte
        }
        if clean {
            guard scalarCount <= limit else { throw RoundtableError.usage("\(what()) is longer than \(limit) characters") }
            return
        }
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            let isLineBreak = scalar == "\n" || scalar == "\r"
            if isLineBreak && !multiline {
                throw RoundtableError.usage("\(what()) must be one line")
            }
            if scalar.properties.generalCategory == .control && !isLineBreak && scalar != "\t" {
                throw RoundtableError.usage("\(what()) contains a control character (U+\(String(scalar.value, radix: 16, uppercase: true)))")
            }
        }
        guard count <= limit else { throw RoundtableError.usage("\(what()) is longer than \(limit) characters") }
    }
}

import Foundation

/// The text of a subtitle cue: its markup read and removed, its voices found, its entities decoded.
enum CueText {
    /// A stretch of a cue's text said by one voice (nil: the cue's payload names none).
    struct Segment: Equatable {
        var voice: String?
        var text: String
    }

    /// Splits `payload` at its WebVTT voice spans (`<v Name>`, `<v.loud Name>`; a missing `</v>`
    /// is fine), dropping every other tag (`<c>`, `<i>`, `<b>`, `<u>`, `<ruby>`, `<00:01.000>`,
    /// SRT's `<font>`) and SRT's `{\an8}` positioning, decoding character references and collapsing
    /// white space. Segments without text are left out.
    static func segments(_ payload: String) -> [Segment] {
        if !payload.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "&") }) {
            let text = collapsed(payload)
            return text.isEmpty ? [] : [Segment(voice: nil, text: text)]
        }
        var segments: [Segment] = []
        var voice: String?
        var text = ""
        func flush() {
            let cleaned = collapsed(decoded(text))
            if !cleaned.isEmpty { segments.append(Segment(voice: voice, text: cleaned)) }
            text = ""
        }
        // Searched in UTF-8: the markup characters are ASCII, so their byte positions are character boundaries.
        let utf8 = payload.utf8
        var index = utf8.startIndex
        while let open = utf8[index...].firstIndex(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "{") }) {
            text += payload[index..<open]
            let brace = utf8[open] == UInt8(ascii: "{")
            let next = utf8.index(after: open)
            guard let close = utf8[next...].firstIndex(of: brace ? UInt8(ascii: "}") : UInt8(ascii: ">")),
                  !brace || utf8[next...].first == UInt8(ascii: "\\") else {
                text += brace ? "{" : "<"
                index = next
                continue
            }
            let tag = payload[next..<close]
            if tag.utf8.first == UInt8(ascii: "v"), let after = tag.utf8.dropFirst().first,
               after == UInt8(ascii: ".") || after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") {
                flush()
                let name = tag.drop { $0 != " " && $0 != "\t" }
                let label = UnicodeText.composed(collapsed(decoded(String(name))))
                voice = label.isEmpty ? nil : label
            }
            index = utf8.index(after: close)
        }
        text += payload[index...]
        flush()
        return segments
    }

    /// Decodes the character references WebVTT and SRT files use: `&amp; &lt; &gt; &quot; &apos;
    /// &nbsp; &lrm; &rlm;` and numeric ones; anything else is left as written.
    static func decoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";"), let scalar = reference(after[..<semicolon]) {
                result.unicodeScalars.append(scalar)
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    private static let named: [Substring: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        // A non-breaking space is a space to a reader and to search.
        "nbsp": " ", "lrm": "\u{200E}", "rlm": "\u{200F}",
    ]

    private static func reference(_ name: Substring) -> Unicode.Scalar? {
        if let scalar = named[name] { return scalar }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).flatMap { $0.value >= 0x20 ? $0 : nil }
    }

    /// `text` with runs of white space made one space and trimmed.
    static func collapsed(_ text: String) -> String {
        // Most text has single spaces inside and no other white space: then it is already collapsed.
        // Outside ASCII, white space (U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000) starts with
        // one of these lead bytes; text with them takes the slow way.
        var previous: UInt8 = 0x20
        var plain = true
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x20 && previous == 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
                plain = false
                break
            }
            previous = byte
        }
        if plain && previous != 0x20 { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

import Foundation

/// The prolog of a `.sss` file. Triple-S writers put `<!DOCTYPE sss PUBLIC "…" "…">` in nearly every
/// file, and the hardened reader refuses any DOCTYPE. This accepts exactly one DOCTYPE naming `sss`
/// with only a SYSTEM or PUBLIC identifier (no internal subset, so nothing can be declared) and
/// blanks it out before libxml2 sees the bytes: the DTD is never loaded, no entity is ever defined,
/// and the line numbers stay right. Anything else keeps the reader's refusal.
enum TripleSProlog {
    /// The document ready for the hardened reader, and the encoding it declares.
    struct Prepared {
        var bytes: [UInt8]
        var encoding: TripleSEncoding
    }

    static func prepare(_ bytes: [UInt8], file: String) throws -> Prepared {
        var text = Units(bytes)
        var index = 0
        var seen = false
        while index < text.count {
            guard text[index] == "<" else {
                index += 1
                continue
            }
            if text.matches("<?", at: index) {
                index = text.find("?>", from: index).map { $0 + 2 } ?? text.count
            } else if text.matches("<!--", at: index) {
                index = text.find("-->", from: index).map { $0 + 3 } ?? text.count
            } else if text.matches("<!DOCTYPE", at: index), !seen {
                let end = try doctypeEnd(text, from: index, file: file)
                text.blank(index...end)
                seen = true
                index = end + 1
            } else {
                break  // the root element, or a second DOCTYPE the reader's prescan refuses
            }
        }
        return Prepared(bytes: text.bytes, encoding: text.encoding ?? declaredEncoding(text) ?? .utf8)
    }

    /// The index of the `>` closing the DOCTYPE at `start`, or an error if it is anything but
    /// `<!DOCTYPE sss SYSTEM "…">` or `<!DOCTYPE sss PUBLIC "…" "…">`.
    private static func doctypeEnd(_ text: Units, from start: Int, file: String) throws -> Int {
        var index = start + "<!DOCTYPE".count
        func refuse(_ why: String) -> XMLInputError {
            let (line, column) = text.position(of: start)
            return XMLInputError(file: file, line: line, column: column, message: "DOCTYPE not accepted: \(why) "
                + "(a Triple-S file may only name its DTD: <!DOCTYPE sss SYSTEM \"…\"> or PUBLIC \"…\" \"…\")")
        }
        func space(required: Bool) throws {
            let before = index
            while index < text.count, [" ", "\t", "\r", "\n"].contains(text[index]) { index += 1 }
            if required && index == before { throw refuse("malformed declaration") }
        }
        func literal() throws {
            guard index < text.count, text[index] == "\"" || text[index] == "'" else { throw refuse("malformed identifier") }
            let quote = text[index]
            index += 1
            while index < text.count, text[index] != quote {
                if ["<", ">", "[", "]", "&", "%"].contains(text[index]) { throw refuse("unexpected character in an identifier") }
                index += 1
            }
            guard index < text.count else { throw refuse("unterminated identifier") }
            index += 1
        }
        try space(required: true)
        guard text.matches("sss", at: index) else { throw refuse("the document type is not sss") }
        index += 3
        try space(required: true)
        if text.matches("SYSTEM", at: index) {
            index += 6
            try space(required: true)
            try literal()
        } else if text.matches("PUBLIC", at: index) {
            index += 6
            try space(required: true)
            try literal()
            try space(required: true)
            try literal()
        } else {
            throw refuse(index < text.count && text[index] == "[" ? "it has an internal subset" : "no SYSTEM or PUBLIC identifier")
        }
        try space(required: false)
        guard index < text.count, text[index] == ">" else {
            throw refuse(index < text.count && text[index] == "[" ? "it has an internal subset" : "malformed declaration")
        }
        return index
    }

    /// The `encoding` of an XML declaration at the very start.
    private static func declaredEncoding(_ text: Units) -> TripleSEncoding? {
        guard text.matches("<?xml", at: 0), let end = text.find("?>", from: 0) else { return nil }
        let declaration = text.string(0..<end)
        guard let range = declaration.range(of: #"encoding\s*=\s*["']([A-Za-z0-9._-]+)["']"#, options: .regularExpression) else {
            return nil
        }
        let name = declaration[range].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first
        return name.flatMap { TripleSEncoding.declared(String($0)) }
    }
}

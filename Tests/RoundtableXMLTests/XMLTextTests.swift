import Foundation
import Testing
@testable import RoundtableXML

@Suite("XMLText.sanitized: only what XML 1.0 allows reaches a file")
struct XMLTextTests {
    /// The XML 1.0 `Char` production.
    static func isXMLChar(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func c0ControlsAreStrippedButTabLineFeedAndCarriageReturnKept() {
        let controls = (0x00..<0x20).map { String(Unicode.Scalar(UInt8($0))) }.joined()
        #expect(Self.scalars(XMLText.sanitized(controls)) == [0x09, 0x0A, 0x0D])
        #expect(XMLText.sanitized("A\u{0}i\u{1}n\u{8}o\u{B}\u{C} V\u{1B}[0mi\u{1F}r\u{7}tanen") == "Aino V[0mirtanen")
        #expect(XMLText.sanitized("line 1\r\nline 2\n\tindented") == "line 1\r\nline 2\n\tindented")
    }

    @Test func nonCharactersFFFEAndFFFFAreStripped() {
        #expect(Self.scalars(XMLText.sanitized("a\u{FFFE}b\u{FFFF}c")) == Self.scalars("abc"))
        #expect(XMLText.sanitized("\u{FFFF}\u{FFFE}\u{FFFF}") == "")
    }

    @Test func neighboursOfTheForbiddenCharactersAreKept() {
        // U+FFFD, U+FEFF, halfwidth katakana and U+EFFFF all start with the byte 0xEF (or share a plane) yet are allowed.
        let kept = "\u{FFFD}\u{FEFF}\u{FF71}\u{FFFC}\u{E000}\u{7F}\u{80}\u{9F}\u{10FFFF}\u{EFFFF}"
        #expect(Self.scalars(XMLText.sanitized(kept)) == Self.scalars(kept))
    }

    @Test func textIsNeverNormalisedOrOtherwiseChanged() {
        let decomposed = "A\u{308}ija\u{308}la\u{308} <&\"'> 👩🏽‍🔬 🇫🇮 \u{0}"
        #expect(Self.scalars(XMLText.sanitized(decomposed)) == Self.scalars(String(decomposed.dropLast())))
        let plain = "Äijälä & Søn <ok> \"quoted\" 'apostrophe' 😀"
        #expect(Self.scalars(XMLText.sanitized(plain)) == Self.scalars(plain))
        #expect(XMLText.sanitized("") == "")
    }

    @Test func isAllowedMatchesTheXMLCharProductionForEveryScalar() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates are not scalars
            if XMLText.isAllowed(scalar) != Self.isXMLChar(value) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "disagree with XML 1.0 Char: \(mismatches.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func sanitizedTextHasOnlyXMLChars() {
        var all = String.UnicodeScalarView()
        for value in stride(from: UInt32(0), through: 0x10FFFF, by: 7) {
            if let scalar = Unicode.Scalar(value) { all.append(scalar) }
        }
        for value: UInt32 in [0xFFFE, 0xFFFF, 0x0, 0x1F, 0x9, 0xA, 0xD] { all.append(Unicode.Scalar(value)!) }
        let clean = XMLText.sanitized(String(all))
        #expect(clean.unicodeScalars.allSatisfy { Self.isXMLChar($0.value) })
        #expect(clean.unicodeScalars.count == all.filter { Self.isXMLChar($0.value) }.count)
    }
}

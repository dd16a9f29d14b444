import Foundation
import Testing
@testable import RoundtableCore

/// Names typed in any Unicode form are stored composed and matched by one search key.
@Suite("UnicodeText")
struct UnicodeTextTests {
    @Test("composed() gives NFC and trims")
    func composedIsNFC() {
        let composed = UnicodeText.composed("A\u{308}")
        #expect(composed == "Ä")
        #expect(composed.unicodeScalars.count == 1)
        #expect(composed.unicodeScalars.first == "\u{C4}")
        #expect(UnicodeText.composed("  A\u{308}ija\u{308}la\u{308}\n").unicodeScalars.map(\.value)
            == "Äijälä".precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value))
        #expect(UnicodeText.composed("A\u{30A}sa") == "Åsa")
    }

    @Test("composed and decomposed spellings share a search key", arguments: [
        "Äijälä", "A\u{308}ija\u{308}la\u{308}", "aijala", "AIJALA", "  Äijälä  ",
    ])
    func searchKeyFoldsMarks(text: String) {
        #expect(UnicodeText.searchKey(text) == "aijala")
    }

    @Test("Nordic letters without marks fold to base letters", arguments: [
        ("Øystein", "oystein"), ("Bjørn Dæhlie", "bjorn daehlie"), ("Æsir", "aesir"), ("Åsa", "asa"),
        ("Strauß", "strauss"), ("Łukasz", "lukasz"), ("Þóra", "thora"), ("Jyväskylä", "jyvaskyla"),
        ("O\u{308}sterberg", "osterberg"),
    ])
    func searchKeyFoldsLetters(text: String, key: String) {
        #expect(UnicodeText.searchKey(text) == key)
    }

    @Test("whitespace is collapsed and trimmed in the search key")
    func searchKeyCollapsesWhitespace() {
        #expect(UnicodeText.searchKey("  Anna \t  Maria\nVirtanen ") == "anna maria virtanen")
        #expect(UnicodeText.searchKey("Sali 1") == UnicodeText.searchKey("sali  1"))
    }

    @Test("compatibility forms fold too")
    func compatibilityForms() {
        #expect(UnicodeText.searchKey("ﬁnland") == "finland")
        #expect(UnicodeText.searchKey("Ｓａｌｉ") == "sali")
    }

    @Test("the byte-level search key of Latin text is the scalar one, for every scalar below U+0250 in any surrounding")
    func latinSearchKeyMatchesScalarPath() throws {
        var texts = (0..<0x250).compactMap(Unicode.Scalar.init).flatMap { scalar in
            ["\(scalar)", "A\(scalar)b", " \(scalar) ", "\u{A0}\(scalar)\u{85}x\t\(scalar)\(scalar)", "Äi\(scalar)\n\n"]
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ Øø\u{A0}\u{85}\t\nÆæßÅåÄäÖöŁłÞþĳǄǈŉ\u{AD}\u{A8}\u{B4}.,:;-'1")
        for _ in 0..<2000 {
            texts.append(String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts {
            let fast = try #require(UnicodeText.latinSearchKey(text), "\(text.unicodeScalars.map(\.value))")
            #expect(fast == UnicodeText.scalarSearchKey(text), "\(text.unicodeScalars.map(\.value))")
        }
        #expect(UnicodeText.latinSearchKey("A\u{308}") == nil, "a combining mark takes the scalar path")
        #expect(UnicodeText.latinSearchKey("日本") == nil)
        #expect(UnicodeText.searchKey("A\u{308}ija\u{308}la\u{308} ØYSTEIN") == "aijala oystein")
    }

    @Test("participants keep composed names and search keys in step")
    func participantNames() {
        let now = Date(timeIntervalSince1970: 0)
        var person = Participant(displayName: "A\u{308}ija\u{308}la\u{308}", createdAt: now)
        #expect(person.displayName == "Äijälä")
        #expect(person.nameSearch == "aijala")
        person.rename("Øystein  Ås")
        #expect(person.displayName == "Øystein  Ås")
        #expect(person.nameSearch == "oystein as")
    }
}

import Foundation
import Testing
@testable import RoundtableCore

/// Names replaced by study codes, as whole words, in any case or Unicode form.
@Suite("Pseudonymizer")
struct PseudonymizerTests {
    let matti = Pseudonymizer([(name: "Äijälä Matti", code: "P01")])

    @Test("full name and each name word are replaced, whatever the case")
    func example() {
        #expect(matti.apply(to: "Matti said Äijälä's idea was good; MATTI agreed")
            == "P01 said P01's idea was good; P01 agreed")
    }

    @Test("a name inside a longer word is kept", arguments: ["Mattila", "Matti2", "xMatti", "Äijäläinen", "2Matti"])
    func wholeWordsOnly(text: String) {
        #expect(matti.apply(to: text) == text)
    }

    @Test("the full name becomes one code, in either order, across any white space")
    func fullName() {
        #expect(matti.apply(to: "Äijälä Matti came") == "P01 came")
        #expect(matti.apply(to: "äijälä  MATTI\ncame") == "P01\ncame")
        #expect(matti.apply(to: "Matti Äijälä came") == "P01 came")
        #expect(matti.apply(to: "Matti, Äijälä came") == "P01 came")
    }

    @Test("decomposed text or names match, and the result is composed")
    func unicodeForms() {
        let decomposedText = "A\u{308}ija\u{308}la\u{308} and ÄIJÄLÄ and a\u{308}ija\u{308}la\u{308}"
        #expect(matti.apply(to: decomposedText) == "P01 and P01 and P01")
        let decomposedName = Pseudonymizer([(name: "A\u{308}ija\u{308}la\u{308} Matti", code: "P01")])
        #expect(decomposedName.apply(to: "Äijälä: hei") == "P01: hei")
        let kept = matti.apply(to: "Ha\u{308}n")
        #expect(kept.unicodeScalars.map(\.value) == [0x48, 0xE4, 0x6E])
    }

    @Test("punctuation around a name does not stop it")
    func punctuation() {
        #expect(matti.apply(to: "(Matti), «Matti» and Matti.") == "(P01), «P01» and P01.")
        #expect(matti.apply(to: "  Matti  ") == "  P01  ")
    }

    @Test("one-letter words of a name are kept")
    func shortWords() {
        let anna = Pseudonymizer([(name: "Anna K Virtanen", code: "P02")])
        #expect(anna.apply(to: "K said Anna K Virtanen and Virtanen agreed") == "K said P02 and P02 agreed")
    }

    @Test("longer names are tried first")
    func longestFirst() {
        let people = Pseudonymizer([(name: "Anna Berg", code: "P01"), (name: "Anna-Liisa Berg", code: "P02")])
        #expect(people.apply(to: "Anna-Liisa Berg met Anna-Liisa and Anna") == "P02 met P02 and P01")
        #expect(people.apply(to: "Anna Berg") == "P01")
    }

    @Test("a name word with an apostrophe or hyphen is found whole, typed either way, and its parts are not names")
    func innerPunctuation() {
        let people = Pseudonymizer([(name: "O'Brien, Seán", code: "P01"), (name: "Anna-Liisa Öberg", code: "P02")])
        #expect(people.apply(to: "O'Brien and o’brien; Seán O'Brien, Anna-Liisa, Anna‐Liisa, Anna and Liisa")
            == "P01 and P01; P01, P02, P02, Anna and Liisa")
    }

    @Test("many people and a long text are quick: names are looked up by the word, not tried one by one")
    func manyNames() {
        let names = (0..<1000).map { (name: "Sukunimi\($0), Etunimi\($0)", code: "P\($0)") }
        let text = String(repeating: "Etunimi7 Sukunimi7 asked Sukunimi12 about the price; Sukunimi999 agreed. ", count: 2000)
        let start = Date()
        let result = Pseudonymizer(names, keeping: ["Sukunimi5 Moderaattori"]).apply(to: text)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(result.hasPrefix("P7 asked P12 about the price; P999 agreed. P7"))
    }

    @Test("a word shared by two people is replaced by both codes")
    func sharedWord() {
        let people = Pseudonymizer([(name: "Anna Virtanen", code: "P01"), (name: "Anna Korhonen", code: "P02")])
        #expect(people.apply(to: "Anna and Virtanen and Korhonen") == "P01/P02 and P01 and P02")
    }

    @Test("name words lose surrounding punctuation")
    func nameWithComma() {
        let oystein = Pseudonymizer([(name: "Berg, Øystein", code: "P03")])
        #expect(oystein.apply(to: "ØYSTEIN and Berg") == "P03 and P03")
        #expect(oystein.apply(to: "Berg Øystein") == "P03")
        #expect(oystein.apply(to: "Berg, Øystein and Øystein Berg and BERG,ØYSTEIN") == "P03 and P03 and P03")
        #expect(oystein.apply(to: "Øystein, Berg") == "P03, P03")
    }

    @Test("no names leave the text as it was, composed")
    func noNames() {
        let none = Pseudonymizer([])
        #expect(none.apply(to: "Matti said hi") == "Matti said hi")
        #expect(none.apply(to: "") == "")
        #expect(Pseudonymizer([(name: "  ", code: "P09")]).apply(to: "a b") == "a b")
    }

    @Test("emoji and other symbols next to a name are not letters")
    func symbols() {
        #expect(matti.apply(to: "😀Matti😀") == "😀P01😀")
    }
}

/// Other people's names (moderators, coders) stay whole where they share a word with a participant.
@Suite("Pseudonymizer: kept names")
struct PseudonymizerKeptNameTests {
    let ilkka = Pseudonymizer([(name: "Virtanen, Ilkka", code: "P03")], keeping: ["Aino Virtanen", "coder"])

    @Test("a moderator who shares a participant's surname keeps her whole name, in any form", arguments: [
        "Aino Virtanen", "AINO VIRTANEN", "Virtanen, Aino", "virtanen aino", "Aino  Virtanen", "AINO virtanen",
    ])
    func moderatorKept(name: String) {
        let text = "\(name) asked Virtanen; Ilkka Virtanen answered."
        #expect(ilkka.apply(to: text) == "\(UnicodeText.composed(name)) asked P03; P03 answered.")
    }

    @Test("a kept name matches in any Unicode form and comes out composed")
    func keptComposed() {
        let tuulikki = Pseudonymizer([(name: "Äijälä, Tuulikki", code: "P01")], keeping: ["Aino A\u{308}ija\u{308}la\u{308}"])
        #expect(tuulikki.apply(to: "Aino A\u{308}ija\u{308}la\u{308} and Äijälä, Aino and Tuulikki Äijälä")
            == "Aino Äijälä and Äijälä, Aino and P01")
    }

    @Test("the participant's own name around the moderator's is still replaced")
    func participantAround() {
        #expect(ilkka.apply(to: "Virtanen, Ilkka told Aino Virtanen: Ilkka Virtanen here") == "P03 told Aino Virtanen: P03 here")
        #expect(ilkka.apply(to: "Aino Virtanens idea") == "Aino Virtanens idea")
        #expect(ilkka.apply(to: "Aino and Virtanen") == "Aino and P03", "only the whole name is kept")
    }

    @Test("another participant's full name that holds the surname becomes that participant's code")
    func otherParticipant() {
        let two = Pseudonymizer([(name: "Virtanen, Ilkka", code: "P01"), (name: "Aino Virtanen", code: "P02")],
                                keeping: ["Aino Virtanen"])
        #expect(two.apply(to: "Aino Virtanen and Ilkka Virtanen and Virtanen") == "P02 and P01 and P01/P02")
    }

    @Test("a kept name that is also a participant's name or name word is replaced: privacy wins")
    func privacyWins() {
        let same = Pseudonymizer([(name: "Aino Virtanen", code: "P01")], keeping: ["Aino Virtanen", "Virtanen"])
        #expect(same.apply(to: "Aino Virtanen, Virtanen") == "P01, P01")
    }

    @Test("a participant's full name that covers a kept name replaces it; one that only overlaps it does not")
    func covering() {
        let anna = Pseudonymizer([(name: "Anna Aino Virtanen", code: "P01")], keeping: ["Aino Virtanen"])
        #expect(anna.apply(to: "Anna Aino Virtanen met Aino Virtanen and Aino") == "P01 met Aino Virtanen and P01")
        let matti = Pseudonymizer([(name: "Matti Aino", code: "P02")], keeping: ["Aino Virtanen"])
        #expect(matti.apply(to: "Matti Aino Virtanen") == "P02 Aino Virtanen")
    }

    @Test("coded spans move past a kept name unchanged")
    func spans() throws {
        let text = "Aino Virtanen asked Ilkka Virtanen about the price"
        let price = try TextSpan.checked(start: 45, end: 50, in: text)
        let moderator = TextSpan(start: 0, end: 13)
        let result = ilkka.apply(to: text, spans: [price, moderator])
        #expect(result.text == "Aino Virtanen asked P03 about the price")
        #expect(result.spans[0].text(in: result.text) == "price")
        #expect(result.spans[1].text(in: result.text) == "Aino Virtanen")
    }
}

@Suite("Pseudonymizer: coded spans follow the replacement")
struct PseudonymizerSpanTests {
    let pseudonymizer = Pseudonymizer([(name: "Äijälä Matti", code: "P01")])

    @Test("spans before, after and around a replaced name keep covering the same words")
    func spansMove() throws {
        let text = "Hi Matti, the price 😀 was fine"
        let price = try TextSpan.checked(start: 14, end: 19, in: text)
        #expect(price.text(in: text) == "price")
        let greeting = TextSpan(start: 0, end: 8)
        let result = pseudonymizer.apply(to: text, spans: [price, greeting])
        #expect(result.text == "Hi P01, the price 😀 was fine")
        #expect(result.spans[0].text(in: result.text) == "price")
        #expect(result.spans[1].text(in: result.text) == "Hi P01")
    }

    @Test("a span inside a name widens to the whole code")
    func spanInsideName() {
        let result = pseudonymizer.apply(to: "Matti spoke", spans: [TextSpan(start: 1, end: 3)])
        #expect(result.text == "P01 spoke")
        #expect(result.spans == [TextSpan(start: 0, end: 3)])
    }
}

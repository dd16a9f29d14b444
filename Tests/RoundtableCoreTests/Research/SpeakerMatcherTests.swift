import Foundation
import Testing
@testable import RoundtableCore

/// Speaker labels matched to people by key, full name, or a unique first or last name.
@Suite("SpeakerMatcher")
struct SpeakerMatcherTests {
    let matcher = SpeakerMatcher(candidates: [
        SpeakerCandidate(id: "P-000001", names: ["Äijälä Matti"]),
        SpeakerCandidate(id: "P-000002", names: ["Øystein Berg"]),
        SpeakerCandidate(id: "P-000003", names: ["Åsa Lind"]),
        SpeakerCandidate(id: "P-000004", names: ["Anna Maria Virtanen"]),
        SpeakerCandidate(id: "P-000005", names: ["Anna Korhonen"]),
        SpeakerCandidate(id: "P-000006", names: ["Katariina Sundström", "Kati"]),
        SpeakerCandidate(id: "M-0001", names: ["Liisa Moderaattori"]),
    ])

    @Test("a key matches in any case", arguments: ["P-000001", "p-000001", " P-000001 "])
    func byKey(label: String) {
        #expect(matcher.match(label) == .matched("P-000001"))
    }

    @Test("a moderator's key matches too")
    func moderatorKey() {
        #expect(matcher.match("m-0001") == .matched("M-0001"))
        #expect(matcher.match("Liisa") == .matched("M-0001"))
    }

    @Test("composed, decomposed, upper-case and unmarked spellings of Äijälä all match", arguments: [
        "Äijälä Matti", "A\u{308}ija\u{308}la\u{308} Matti", "ÄIJÄLÄ MATTI", "aijala matti", "Äijälä",
        "A\u{308}ija\u{308}la\u{308}", "Matti", "MATTI", "aijala", "Matti Äijälä", "Äijälä, Matti", "matti, aijala",
    ])
    func aijala(label: String) {
        #expect(matcher.match(label) == .matched("P-000001"))
    }

    @Test("decomposed candidate names match composed labels")
    func decomposedCandidate() {
        let decomposed = SpeakerMatcher(candidates: [SpeakerCandidate(id: "P-000009", names: ["A\u{308}ija\u{308}la\u{308} Matti"])])
        #expect(decomposed.match("Äijälä") == .matched("P-000009"))
    }

    @Test("Øystein Berg is found by his first name in lower case", arguments: ["øystein", "Øystein", "OYSTEIN", "berg", "øystein berg"])
    func oystein(label: String) {
        #expect(matcher.match(label) == .matched("P-000002"))
    }

    @Test("Åsa and Asa share a search key")
    func asa() {
        #expect(matcher.match("Åsa") == .matched("P-000003"))
        #expect(matcher.match("Asa") == .matched("P-000003"))
        #expect(matcher.match("A\u{30A}sa") == .matched("P-000003"))
        let both = SpeakerMatcher(candidates: [
            SpeakerCandidate(id: "P-000003", names: ["Åsa Lind"]),
            SpeakerCandidate(id: "P-000010", names: ["Asa Nilsson"]),
        ])
        #expect(both.match("Åsa") == .ambiguous(["P-000003", "P-000010"]))
        #expect(both.match("Åsa Lind") == .matched("P-000003"))
    }

    @Test("two people named Anna make Anna ambiguous, but their full or last names do not")
    func twoAnnas() {
        #expect(matcher.match("Anna") == .ambiguous(["P-000004", "P-000005"]))
        #expect(matcher.match("anna korhonen") == .matched("P-000005"))
        #expect(matcher.match("Virtanen") == .matched("P-000004"))
        #expect(matcher.match("Anna Maria Virtanen") == .matched("P-000004"))
    }

    @Test("middle names, partial words and unknown labels are never guessed", arguments: [
        "Maria", "Ann", "Anna Virtanen", "Moderator", "Interviewer", "P-000099", "", "  ", "Maria Virtanen",
        "Matti Äijälä Berg", ",",
    ])
    func unmatched(label: String) {
        #expect(matcher.match(label) == .unmatched)
    }

    @Test("every name of a candidate counts")
    func alternateNames() {
        #expect(matcher.match("Kati") == .matched("P-000006"))
        #expect(matcher.match("Sundstrom") == .matched("P-000006"))
    }

    @Test("a full name beats someone else's first name")
    func exactBeatsWord() {
        let people = SpeakerMatcher(candidates: [
            SpeakerCandidate(id: "P-000001", names: ["Anna"]),
            SpeakerCandidate(id: "P-000002", names: ["Anna Virtanen"]),
        ])
        #expect(people.match("anna") == .matched("P-000001"))
    }

    @Test("two people with the same full name are ambiguous")
    func sameFullName() {
        let people = SpeakerMatcher(candidates: [
            SpeakerCandidate(id: "P-000001", names: ["Anna Virtanen"]),
            SpeakerCandidate(id: "P-000002", names: ["Anna  Virtanen"]),
        ])
        #expect(people.match("Anna Virtanen") == .ambiguous(["P-000001", "P-000002"]))
    }

    @Test("one person listed under two names is still one match")
    func duplicateCandidate() {
        let people = SpeakerMatcher(candidates: [
            SpeakerCandidate(id: "P-000001", names: ["Anna Virtanen", "Anna V"]),
        ])
        #expect(people.match("Anna") == .matched("P-000001"))
    }

    @Test("matchAll matches each distinct label once")
    func matchAll() {
        let results = matcher.matchAll(["Anna", "Matti", "Anna", "Nobody"])
        #expect(results == ["Anna": .ambiguous(["P-000004", "P-000005"]), "Matti": .matched("P-000001"), "Nobody": .unmatched])
    }

    /// A participant stored "Last, First" and a moderator who shares the surname, seated together.
    let virtanens = SpeakerMatcher(candidates: [
        SpeakerCandidate(id: "P-000001", names: ["Virtanen, Ilkka"]),
        SpeakerCandidate(id: "P-000002", names: ["Äijälä, Tuulikki"]),
        SpeakerCandidate(id: "M-0001", names: ["Aino Virtanen"]),
    ])

    @Test("a surname two seated people share is ambiguous, whoever is a moderator", arguments: ["Virtanen", "VIRTANEN", "virtanen:"])
    func sharedSurname(label: String) {
        #expect(virtanens.match(label) == .ambiguous(["P-000001", "M-0001"]))
        let moderatorFirst = SpeakerMatcher(candidates: [
            SpeakerCandidate(id: "M-0001", names: ["Aino Virtanen"]),
            SpeakerCandidate(id: "P-000001", names: ["Virtanen, Ilkka"]),
        ])
        #expect(moderatorFirst.match(label) == .ambiguous(["M-0001", "P-000001"]))
    }

    @Test("a name written Last, First matches in either order, with or without the comma", arguments: [
        "Virtanen, Ilkka", "Ilkka Virtanen", "Virtanen Ilkka", "ilkka", "VIRTANEN,ILKKA", "Ilkka, Virtanen",
    ])
    func lastFirst(label: String) {
        #expect(virtanens.match(label) == .matched("P-000001"))
    }

    @Test("Tuulikki Äijälä as Zoom and Teams write her, and Äijälä alone, find the participant stored as Äijälä, Tuulikki",
          arguments: ["Tuulikki Äijälä", "Äijälä", "Tuulikki", "Äijälä Tuulikki", "Äijälä, Tuulikki", "TUULIKKI AIJALA",
                      "Tuulikki A\u{308}ija\u{308}la\u{308}", "aijala"])
    func firstLast(label: String) {
        #expect(virtanens.match(label) == .matched("P-000002"))
    }

    @Test("the moderator is matched by her full name in either order and by her first name")
    func moderatorByName() {
        for label in ["Aino Virtanen", "Virtanen, Aino", "Virtanen Aino", "Aino"] {
            #expect(virtanens.match(label) == .matched("M-0001"), "\(label)")
        }
    }

    @Test("a surname of several words is a name of its own, and so is its last word")
    func longSurname() {
        let jan = SpeakerMatcher(candidates: [SpeakerCandidate(id: "P-000001", names: ["van der Berg, Jan"])])
        for label in ["Jan van der Berg", "van der Berg", "Berg", "Jan", "van der Berg, Jan"] {
            #expect(jan.match(label) == .matched("P-000001"), "\(label)")
        }
        #expect(jan.match("der") == .unmatched)
    }
}

import Testing
@testable import RoundtableCore

@Suite("Search query spans")
struct SearchQueryTests {
    /// The covered texts of the spans `query` finds in `text`.
    func found(_ query: String, in text: String) -> [String] {
        SearchQuery(query).spans(in: text).map { $0.text(in: text) }
    }

    @Test("folded words map back to the original scalars: Äijälä, Øystein, Bæk, Straße")
    func nordicFolding() {
        let text = "Äijälä ja Øystein, Bæk ja Straße"
        #expect(SearchQuery("aijala").spans(in: text) == [TextSpan(start: 0, end: 6)])
        #expect(SearchQuery("OYSTEIN").spans(in: text) == [TextSpan(start: 10, end: 17)])
        #expect(found("baek", in: text) == ["Bæk"], "æ folds to two letters but stays one scalar")
        #expect(found("strasse", in: text) == ["Straße"])
        #expect(found("Äijälä", in: text) == ["Äijälä"])
    }

    @Test("decomposed input matches, and marks that fold to nothing stay inside the span")
    func decomposed() {
        let stored = "Puhuin A\u{308}ija\u{308}la\u{308}n kanssa"
        let spans = SearchQuery("A\u{308}ija\u{308}la\u{308}n").spans(in: stored)
        #expect(spans == [TextSpan(start: 7, end: 17)], "ten scalars: seven letters and three marks")
        #expect(spans.first?.text(in: stored) == "A\u{308}ija\u{308}la\u{308}n")
        #expect(found("aijalan", in: "Spin\u{308}al aijalan") == ["aijalan"])
        #expect(found("spinal", in: "Wow \u{1F44D}\u{1F3FD} the Spin\u{308}al app") == ["Spin\u{308}al"])
        #expect(SearchQuery("spinal").spans(in: "Wow \u{1F44D}\u{1F3FD} the Spin\u{308}al app") == [TextSpan(start: 11, end: 18)])
    }

    @Test("every occurrence is a span; words standing together join; punctuation keeps them apart")
    func joining() {
        #expect(found("phone", in: "Phone, phone and PHONE.") == ["Phone", "phone", "PHONE"])
        #expect(found("mobile app", in: "the mobile   app, the app on my mobile") == ["mobile   app", "app", "mobile"])
        #expect(found("app", in: "apps and app") == ["app"], "whole words only")
    }

    @Test("a trailing * matches by prefix and codes the whole word")
    func prefix() {
        #expect(found("deliv*", in: "delivery late, redelivery too, Deliveries") == ["delivery", "Deliveries"])
    }

    @Test("a word the index splits is a phrase: e-mail finds e-mail and e mail, not mail alone")
    func splitWords() {
        #expect(found("e-mail", in: "by e-mail or E Mail, not mail") == ["e-mail", "E Mail"])
        #expect(SearchQuery("-- ...").words.isEmpty, "words without letters or digits count for nothing")
    }
}

import Testing
@testable import RoundtableCore

@Suite("Search snippets")
struct SearchSnippetTests {
    @Test("matches are bracketed whatever their case, diacritics or Nordic letters")
    func folding() {
        let terms = ["oystein", "aijala"].map(SearchSnippet.Term.init(typed:))
        #expect(SearchSnippet.make("Øystein ja Äijälä.", terms: terms) == "[Øystein] ja [Äijälä].")
        #expect(SearchSnippet.make("A\u{308}ija\u{308}la\u{308} puhuu", terms: terms) == "[A\u{308}ija\u{308}la\u{308}] puhuu")
    }

    @Test("a long text is cut around the first match, with ellipses")
    func window() {
        let text = (1...30).map { "w\($0)" }.joined(separator: " ") + " target " + (31...60).map { "w\($0)" }.joined(separator: " ")
        let snippet = SearchSnippet.make(text, terms: [.init(typed: "target")], window: 6)
        #expect(snippet == "…w30 [target] w31 w32 w33 w34…")
    }

    @Test("prefix terms match the start of a word only")
    func prefix() {
        #expect(SearchSnippet.make("delivery was late, redelivery too", terms: [.init(typed: "deliv*")])
                == "[delivery] was late, redelivery too")
    }
}

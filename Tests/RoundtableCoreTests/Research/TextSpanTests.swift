import Foundation
import Testing
@testable import RoundtableCore

/// Coding spans in Unicode scalar offsets, end exclusive.
@Suite("TextSpan")
struct TextSpanTests {
    @Test("a span inside the text is accepted and extracts its scalars")
    func inside() throws {
        let text = "0123456789"
        let span = try TextSpan.checked(start: 3, end: 7, in: text)
        #expect(span == TextSpan(start: 3, end: 7))
        #expect(span.length == 4)
        #expect(span.text(in: text) == "3456")
        #expect(try TextSpan.checked(start: 0, end: 10, in: text).text(in: text) == text)
    }

    @Test("a span past the end names the utterance's length")
    func pastEnd() {
        let error = expectRoundtableError(.invalidData) { try TextSpan.checked(start: 3, end: 12, in: "0123456789") }
        #expect(error?.message == "span 3..12 is outside the utterance (10 characters)")
    }

    @Test("a negative start is outside the utterance")
    func negativeStart() {
        let error = expectRoundtableError(.invalidData) { try TextSpan.checked(start: -1, end: 2, in: "abc") }
        #expect(error?.message == "span -1..2 is outside the utterance (3 characters)")
    }

    @Test("empty and reversed spans are refused", arguments: [(4, 4), (5, 2), (0, 0)])
    func emptyOrReversed(start: Int, end: Int) {
        let error = expectRoundtableError(.invalidData) { try TextSpan.checked(start: start, end: end, in: "0123456789") }
        #expect(error?.message == "span \(start)..\(end) is empty: its end must be after its start (the utterance has 10 characters)")
    }

    @Test("an emoji is one scalar")
    func emoji() throws {
        let text = "I 😀 it"
        #expect(text.unicodeScalars.count == 6)
        let span = try TextSpan.checked(start: 2, end: 3, in: text)
        #expect(span.text(in: text) == "😀")
        #expect(try TextSpan.checked(start: 4, end: 6, in: text).text(in: text) == "it")
        expectRoundtableError(.invalidData) { try TextSpan.checked(start: 2, end: 7, in: text) }
    }

    @Test("a decomposed ä is two scalars, and a span may split it")
    func decomposed() throws {
        let text = "a\u{0308}b"
        #expect(text.unicodeScalars.count == 3)
        let whole = try TextSpan.checked(start: 0, end: 2, in: text)
        #expect(whole.text(in: text).unicodeScalars.map(\.value) == [0x61, 0x308])
        #expect(try TextSpan.checked(start: 0, end: 1, in: text).text(in: text) == "a")
        #expect(try TextSpan.checked(start: 1, end: 2, in: text).text(in: text).unicodeScalars.map(\.value) == [0x308])
        #expect(try TextSpan.checked(start: 2, end: 3, in: text).text(in: text) == "b")
        #expect(try TextSpan.checked(start: 0, end: 3, in: text).text(in: text) == text)
        expectRoundtableError(.invalidData) { try TextSpan.checked(start: 0, end: 4, in: text) }
    }

    @Test("a stale span is clamped instead of trapping")
    func clamps() {
        #expect(TextSpan(start: 2, end: 50).text(in: "abcd") == "cd")
        #expect(TextSpan(start: -3, end: 1).text(in: "abcd") == "a")
        #expect(TextSpan(start: 9, end: 12).text(in: "abcd") == "")
        #expect(TextSpan(start: 3, end: 1).text(in: "abcd") == "")
        #expect(TextSpan(start: 3, end: 1).length == 0)
    }

    @Test("fits and overlaps")
    func relations() {
        #expect(TextSpan(start: 0, end: 4).fits(scalarCount: 4))
        #expect(!TextSpan(start: 0, end: 5).fits(scalarCount: 4))
        #expect(!TextSpan(start: 2, end: 2).fits(scalarCount: 4))
        #expect(TextSpan(start: 0, end: 4).overlaps(TextSpan(start: 3, end: 6)))
        #expect(!TextSpan(start: 0, end: 3).overlaps(TextSpan(start: 3, end: 6)))
        #expect(TextSpan(start: 2, end: 3).overlaps(TextSpan(start: 0, end: 9)))
    }
}

import Testing
@testable import RoundtableXML

/// The counter skips text and quoted values with memchr and counts lines per chunk: the line of a
/// refusal must still count every newline before it, in text, values and comments, in any chunking.
@Suite("AttributeCounter names the right line however the input is cut")
struct AttributeCounterLineTests {
    static func refusal(_ chunks: [String]) throws -> XMLInputError {
        var counter = AttributeCounter(file: "f")
        return try #require(throws: XMLInputError.self) {
            for chunk in chunks { try Array(chunk.utf8).withUnsafeBytes { try counter.scan($0) } }
        }
    }

    @Test func newlinesInTextValuesAndCommentsAllCount() throws {
        let head = "<?xml version=\"1.0\"?>\n<r a='1\n2'>\ntext\n<!-- a\nb -->\n<![CDATA[\n]]>\n"
        let big = "<t " + (0..<1_001).map { "a\($0)=\"v\"" }.joined(separator: " ") + ">\n"
        let document = head + big
        #expect(try Self.refusal([document]).description.hasPrefix("f:9: an element has more than 1000 attributes"))
        let cuts = [1, 7, 30, 31, 64, 1_000]
        for size in cuts {
            let bytes = Array(document.utf8)
            let chunks = stride(from: 0, to: bytes.count, by: size).map { String(decoding: bytes[$0..<min($0 + size, bytes.count)], as: UTF8.self) }
            #expect(try Self.refusal(chunks).line == 9, "chunks of \(size)")
        }
    }
}

import Foundation
import Testing
@testable import RoundtableCore

/// RFC 4180 records, the code × case matrix and code co-occurrence, as pure values.
@Suite("Coding tables: CSV records, code matrix, co-occurrence")
struct CodingTablesTests {
    @Test("plain fields stay bare; a comma, a quote, CR or LF quotes the field and doubles its quotes; records end in CR LF")
    func csvQuoting() {
        #expect(CSVRecord.line(["Äijälä", "Øystein", ""]) == "Äijälä,Øystein,\r\n")
        #expect(CSVRecord.field("a,b") == "\"a,b\"")
        #expect(CSVRecord.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVRecord.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVRecord.field("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVRecord.field(" spaced ") == " spaced ", "spaces belong to the field (RFC 4180)")
        // A quote followed by a combining mark is one Character but still a quote to double.
        #expect(CSVRecord.field("\"\u{308}x") == "\"\"\"\u{308}x\"")
    }

    static func code(_ id: Int64, _ name: String, parent: Int64? = nil) -> Code {
        Code(id: id, parentId: parent, name: name, createdAt: Date(timeIntervalSince1970: 0))
    }

    /// Channel (1) > Phone (2) > Mobile (3), Channel > Email (4), Trust (5), Price (6, unused).
    static let codebook = [code(1, "Channel"), code(2, "Phone", parent: 1), code(3, "Mobile", parent: 2), code(4, "Email", parent: 1),
                           code(5, "Trust"), code(6, "Price")]
    static let cases = [CodeMatrix.Case(key: "P-000001", label: "Äijälä Matti"), CodeMatrix.Case(key: "P-000002", label: "Berg Øystein")]

    @Test("rows are the used codes and their ancestors in codebook order, each counting its own codings; totals count each once")
    func matrixOwnCounts() {
        let matrix = CodeMatrix(dimension: .participant, unit: .turns, cases: Self.cases, codes: Self.codebook,
                                counts: [3: [2, 1], 5: [0, 4]], includesChildren: false)
        #expect(matrix.rows.map(\.path) == ["Channel", "Channel/Phone", "Channel/Phone/Mobile", "Trust"])
        #expect(matrix.rows.map(\.depth) == [0, 1, 2, 0])
        #expect(matrix.rows.map(\.counts) == [[0, 0], [0, 0], [2, 1], [0, 4]])
        #expect(matrix.rows.map(\.total) == [0, 0, 3, 4])
        #expect(matrix.caseTotals == [2, 5])
        #expect(matrix.total == 7)
    }

    @Test("with children, a parent's row adds up its subtree, and the totals still count each coding once")
    func matrixWithChildren() {
        let matrix = CodeMatrix(dimension: .session, unit: .turns, cases: Self.cases, codes: Self.codebook,
                                counts: [1: [1, 0], 3: [2, 1], 4: [0, 3]], includesChildren: true)
        #expect(matrix.rows.map(\.path) == ["Channel", "Channel/Phone", "Channel/Phone/Mobile", "Channel/Email"])
        #expect(matrix.rows.map(\.counts) == [[3, 4], [2, 1], [2, 1], [0, 3]])
        #expect(matrix.caseTotals == [3, 4])
        #expect(matrix.total == 7)
    }

    @Test("nothing coded: no rows, zero totals")
    func matrixEmpty() {
        let matrix = CodeMatrix(dimension: .concept, unit: .reactionComments, cases: [], codes: Self.codebook, counts: [:],
                                includesChildren: false)
        #expect(matrix.rows.isEmpty)
        #expect(matrix.caseTotals.isEmpty)
        #expect(matrix.total == 0)
    }

    @Test("overlapping spans pair up, touching ones do not, a whole-turn coding overlaps all, the same code never pairs with itself")
    func cooccurrence() {
        var tally = CodeCooccurrence()
        tally.add([(1, TextSpan(start: 0, end: 5)), (2, TextSpan(start: 4, end: 8)), (3, TextSpan(start: 5, end: 9)),
                   (1, TextSpan(start: 6, end: 7))])
        tally.add([(2, nil), (1, TextSpan(start: 0, end: 1)), (2, TextSpan(start: 3, end: 4))])
        tally.add([(3, TextSpan(start: 0, end: 2))])
        tally.add([])
        let pair = { (a: Int64, b: Int64) in CodeCooccurrence.Pair(first: a, second: b) }
        // Turn 1: 1–2 (0..5 and 4..8), 2–3 (4..8 and 5..9), 1–3 (6..7 inside 5..9), 1–2 again (6..7 inside 4..8).
        // Turn 2: the whole-turn 2 overlaps 1 (0..1); the second 2 overlaps nothing of another code.
        #expect(tally.tallies[pair(1, 2)] == CodeCooccurrence.Tally(count: 3, turns: 2))
        #expect(tally.tallies[pair(2, 3)] == CodeCooccurrence.Tally(count: 1, turns: 1))
        #expect(tally.tallies[pair(1, 3)] == CodeCooccurrence.Tally(count: 1, turns: 1))
        #expect(tally.tallies.count == 3)
    }

    @Test("with coders given, two coders' overlapping codings are not a co-occurrence; one coder's still are")
    func cooccurrenceWithinOneCoder() {
        var tally = CodeCooccurrence()
        // Anna codes 1; Ben codes 1 and 2 over the same words: only Ben's pair co-occurs.
        tally.add([(1, TextSpan(start: 0, end: 5)), (1, TextSpan(start: 0, end: 5)), (2, TextSpan(start: 2, end: 5))],
                  coders: ["anna", "ben", "ben"])
        #expect(tally.tallies == [CodeCooccurrence.Pair(first: 1, second: 2): CodeCooccurrence.Tally(count: 1, turns: 1)])
    }
}

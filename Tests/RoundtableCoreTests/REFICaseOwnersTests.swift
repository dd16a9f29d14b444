import Foundation
@testable import RoundtableCore
import Testing

@Suite("REFICaseLinks.Owners parses UUIDs by hand as UUID(uuidString:) does; speakers over cuts match speakers over turns")
struct REFICaseOwnersTests {
    static let spellings = [
        "5e1e0000-0000-4000-8000-0000000000aa", "5E1E0000-0000-4000-8000-0000000000AA", "{5e1e0000-0000-4000-8000-0000000000aa}",
        " 5e1e0000-0000-4000-8000-0000000000aa\t", " {5e1e0000-0000-4000-8000-0000000000aa} ", "{ 5e1e0000-0000-4000-8000-0000000000aa }",
        "ffffffff-ffff-ffff-ffff-ffffffffffff", "00000000-0000-0000-0000-000000000000", "fEdCbA98-7654-3210-0123-456789AbCdEf",
        "", "a", "5e1e0000-0000-4000-8000-0000000000a", "5e1e0000-0000-4000-8000-0000000000aaa", "5e1e0000000040008000-0000000000aaaa",
        "5e1e0000-0000-4000-8000_0000000000aa", "5e1e0000-0000-4000-8000-0000000000ag", "+e1e0000-0000-4000-8000-0000000000aa",
        "0x1e0000-0000-4000-8000-0000000000aa", " e1e0000-0000-4000-8000-0000000000aa", "5e1e0000-0000-4000-8000-0000000000a\u{0}",
        "5e1e0000-0000-4000-8000-0000000000aé", "5e1e0000--000-4000-8000-0000000000aa", "{5e1e0000-0000-4000-8000-0000000000aa",
        "5e1e0000-0000-4000-8000-0000000000aa}", "{{5e1e0000-0000-4000-8000-0000000000aa}}", "５e1e0000-0000-4000-8000-0000000000aa",
    ]

    /// The key as it was made before: trimmed and unbraced as now, then `UUID(uuidString:)`.
    static func reference(_ text: String) -> (high: UInt64, low: UInt64)? {
        var body = Substring(text)
        if body.first == "{", body.last == "}" { body = body.dropFirst().dropLast() }
        if body.first?.isWhitespace == true || body.last?.isWhitespace == true {
            body = Substring(UnicodeText.trimmed(String(body)))
            if body.first == "{", body.last == "}" { body = body.dropFirst().dropLast() }
        }
        guard let uuid = UUID(uuidString: String(body)) else { return nil }
        return withUnsafeBytes(of: uuid.uuid) { ($0.load(as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self)) }
    }

    @Test(arguments: spellings) func keyAcceptsAndRejectsWhatUUIDDoes(text: String) {
        let key = REFICaseLinks.Owners.key(text)
        let expected = Self.reference(text)
        #expect(key?.high == expected?.high)
        #expect(key?.low == expected?.low)
        #expect((key == nil) == (expected == nil))
    }

    @Test func randomUUIDsGiveTheSameKeys() {
        for _ in 0..<500 {
            let uuid = UUID()
            for text in [uuid.uuidString, uuid.uuidString.lowercased(), "{\(uuid.uuidString)}"] {
                let key = REFICaseLinks.Owners.key(text)
                #expect(key != nil && key?.high == Self.reference(text)?.high && key?.low == Self.reference(text)?.low)
            }
        }
    }

    @Test func speakersOverCutsMatchSpeakersOverTurns() {
        let text = "Aino: Tervetuloa\nSofia:   Kiitos\nno speaker\nBo: Hei\n\n  Åsa\u{3000}:\u{A0}hej 😀\nBo: again\n"
        let count = text.unicodeScalars.count
        let guids = (0..<count).map { String(format: "5e1e0000-0000-4000-8000-%012x", $0) }
        var ignored: [String] = []
        let plain = REFITurnSplitter.split(text, selections: [], source: "s", warnings: &ignored)
        // Each turn's own selection (line start to text end), and every selection of lengths 1 to 12 from every
        // offset: turns covered, claimed twice, or not at all.
        var selections = plain.enumerated().map { index, turn in
            REFIImportSelection(guid: guids[index], start: turn.lineStart, end: turn.end, codeGUIDs: [], line: index)
        }
        for start in stride(from: 0, to: count, by: 3) {
            for length in [1, 5, 9, 12] where start + length <= count {
                selections.append(REFIImportSelection(guid: guids[(start * 7 + length) % count], start: start, end: start + length,
                                                      codeGUIDs: [], line: start))
            }
        }
        let cases = (0..<4).map { REFIImportCase(name: "case \($0)", variables: []) }
        var owners = REFICaseLinks.Owners()
        for (index, guid) in guids.enumerated() where index % 3 != 2 { owners.add(guid.uppercased(), owner: index % 4) }
        owners.add(guids[3], owner: 2)
        owners.seal()
        var warnings: [String] = []
        var notApplied = 0
        let cuts = REFITurnSplitter.cut(text, selections: selections, source: "s", warnings: &warnings, notApplied: &notApplied)
        let turns = REFITurnSplitter.split(text, selections: selections, source: "s", warnings: &warnings)
        var byTurns: [String] = []
        var byCuts: [String] = []
        let expected = REFICaseLinks.speakers(of: turns, selections: selections, owners: owners, cases: cases, source: "s",
                                              warnings: &byTurns)
        let found = REFICaseLinks.speakers(of: cuts, selections: selections, owners: owners, cases: cases, source: "s",
                                           warnings: &byCuts)
        #expect(found == expected)
        #expect(byCuts == byTurns)
        #expect(found.contains { $0 != nil })
        #expect(!byCuts.isEmpty)
        let none = REFICaseLinks.speakers(of: cuts, selections: selections, owners: REFICaseLinks.Owners(), cases: cases,
                                          source: "s", warnings: &byCuts)
        #expect(none == Array(repeating: nil, count: cuts.count))
    }

    @Test func ownersBeyondSeveralBlocksAreAllFound() {
        // 150,000 references: more than two blocks of 65,536, the last one partly filled; one case dropped.
        let guid = { (index: Int) in String(format: "5e1e0000-0000-4000-8000-%012x", index) }
        var owners = REFICaseLinks.Owners()
        for index in 0..<150_000 { owners.add(guid(index), owner: index % 5) }
        owners.add(guid(7), owner: 3)
        owners.removeOwners(from: 4)
        owners.seal()
        #expect(owners.count == 120_000 + 1)
        for index in stride(from: 0, to: 150_000, by: 997) {
            #expect(owners.cases(of: guid(index)) == (index % 5 == 4 ? [] : [index % 5]))
        }
        #expect(owners.cases(of: guid(7)) == [2, 3])
        #expect(owners.cases(of: guid(150_000)).isEmpty)
    }
}

import RoundtableCore
import Testing

/// REFI-QDA has no speaker: a case refers to the selections that are its person's turns.
@Suite("REFICaseLinks gives each turn to the one case whose selection covers it")
struct REFICaseLinksTests {
    static let text = "Aino: Tervetuloa\nSofia:   Kiitos\nno speaker\nBo: Hei\n"

    static func links(_ selections: [REFIImportSelection], _ cases: [REFIImportCase]) -> ([Int?], [String]) {
        var warnings: [String] = []
        let turns = REFITurnSplitter.split(text, selections: selections, source: "s", warnings: &warnings)
        return (REFICaseLinks.speakers(of: turns, selections: selections, cases: cases, source: "s", warnings: &warnings), warnings)
    }

    @Test func aSelectionFromTheTextOrTheLineOrTheSpacesBetweenCoversTheTurn() {
        // Sofia's text starts at 26; her selection starts at 23, in the spaces after the colon, as an exporter may write it.
        let selections = [REFIImportSelection(guid: "a", start: 23, end: 32, codeGUIDs: [], line: 1),
                          REFIImportSelection(guid: "b", start: 44, end: 51, codeGUIDs: [], line: 2)]
        let (speakers, warnings) = Self.links(selections, [REFIImportCase(name: "Sofia", variables: [], selectionGUIDs: ["a"]),
                                                           REFIImportCase(name: "Bo", variables: [], selectionGUIDs: ["b"])])
        #expect(speakers == [nil, 0, nil, 1])
        #expect(warnings.isEmpty)
    }

    @Test func aTurnClaimedByTwoCasesIsNobodysWithAWarningAndAShortSelectionClaimsNothing() {
        let selections = [REFIImportSelection(guid: "a", start: 6, end: 16, codeGUIDs: [], line: 1),
                          REFIImportSelection(guid: "b", start: 0, end: 16, codeGUIDs: [], line: 2),
                          REFIImportSelection(guid: "c", start: 44, end: 46, codeGUIDs: [], line: 3)]
        let (speakers, warnings) = Self.links(selections, [REFIImportCase(name: "Aino", variables: [], selectionGUIDs: ["a"]),
                                                           REFIImportCase(name: "Anna", variables: [], selectionGUIDs: ["b", "c"])])
        #expect(speakers == [nil, nil, nil, nil])
        #expect(warnings == ["s:1: the turn is claimed by several cases ('Aino', 'Anna'); left to its label"])
    }

    @Test func ownersAddedAsTheReaderFindsThemGiveTheSameSpeakersAsTheCasesOwnGUIDs() {
        // Three cases refer to UUID selections, written in other forms (braces, upper case) than the selections name them.
        let guids = (1...4).map { "5e1e0000-0000-4000-8000-00000000000\($0)" }
        let selections = [REFIImportSelection(guid: guids[0], start: 0, end: 16, codeGUIDs: [], line: 1),
                          REFIImportSelection(guid: guids[1], start: 23, end: 32, codeGUIDs: [], line: 2),
                          REFIImportSelection(guid: guids[2], start: 33, end: 43, codeGUIDs: [], line: 3),
                          REFIImportSelection(guid: guids[3], start: 44, end: 51, codeGUIDs: [], line: 4)]
        let cases = [REFIImportCase(name: "Aino", variables: [], selectionGUIDs: [guids[0]]),
                     REFIImportCase(name: "Sofia", variables: [], selectionGUIDs: [guids[1], guids[3]]),
                     REFIImportCase(name: "Bo", variables: [], selectionGUIDs: [guids[3]])]
        var owners = REFICaseLinks.Owners()
        owners.add("{\(guids[3].uppercased())}", owner: 2)
        owners.add(guids[1].uppercased(), owner: 1)
        owners.add(guids[3], owner: 1)
        owners.add(" \(guids[0]) ", owner: 0)
        owners.add(guids[0], owner: 0)
        // A case dropped after its references were read (it had no name) claims nothing.
        owners.add(guids[2], owner: 3)
        owners.removeOwners(from: 3)
        owners.seal()
        #expect(owners.cases(of: guids[3]) == [1, 2])
        #expect(owners.cases(of: guids[0]) == [0])
        #expect(owners.cases(of: guids[2]).isEmpty)
        #expect(owners.count == 4)

        var warnings: [String] = []
        let turns = REFITurnSplitter.split(Self.text, selections: selections, source: "s", warnings: &warnings)
        var byOwners: [String] = []
        let found = REFICaseLinks.speakers(of: turns, selections: selections, owners: owners, cases: cases, source: "s",
                                           warnings: &byOwners)
        let (expected, byGUIDs) = Self.links(selections, cases)
        #expect(found == expected)
        #expect(found == [0, 1, nil, nil])
        #expect(byOwners == byGUIDs)
        #expect(byOwners == ["s:4: the turn is claimed by several cases ('Sofia', 'Bo'); left to its label"])
    }
}

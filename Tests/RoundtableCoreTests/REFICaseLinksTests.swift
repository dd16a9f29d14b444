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
}

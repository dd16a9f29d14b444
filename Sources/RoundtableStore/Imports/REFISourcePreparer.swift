import Foundation
import RoundtableCore

/// What the reading thread of a REFI-QDA import hands to the writing one, in order: each text
/// source (its turns counted and its speakers found), then its turns, then the source's end.
enum REFIImportStep {
    case source(REFIImportProject, REFIPreparedSource)
    /// A turn with the index of the case that speaks it, if one does.
    case turn(REFIImportTurn, speaker: Int?)
    case sourceEnd
}

/// A text source cut into turns, without its text: the writing side needs only its details.
struct REFIPreparedSource {
    /// The source, its text and selections let go.
    var source: REFIImportSource
    var turns: Int
    /// The cases (by index) who speak a turn or refer to the source: seated as attended.
    var present: [Int]
    /// Selections not applied, and turns claimed by several cases, as the cut found them.
    var warnings: [String]
    var notApplied: Int
}

/// Cuts each source into turns on the reading thread and finds their speakers by the cases'
/// references (see `REFICaseLinks`), so the writing thread only writes.
struct REFISourcePreparer {
    private var owners: REFICaseLinks.Owners?
    /// The cases that refer to each source took part in its session.
    private var taking: [String: Set<Int>] = [:]

    /// Hands `source` to `put` as a prepared source, its turns and its end; a source without text is skipped.
    mutating func prepare(_ project: REFIImportProject, _ source: REFIImportSource,
                          _ put: (REFIImportStep) throws -> Void) throws {
        guard let text = source.text else { return }
        let owners = self.owners ?? start(project)
        var warnings: [String] = []
        var notApplied = 0
        // Offsets only: each turn's text is made as it is handed over, so a source's turns are never all held.
        let cuts = REFITurnSplitter.cut(text, selections: source.selections, source: source.name, warnings: &warnings,
                                        notApplied: &notApplied)
        let speakers = cuts.count == 0 ? [] : REFICaseLinks.speakers(of: cuts, selections: source.selections, owners: owners,
                                                                     cases: project.cases, source: source.name, warnings: &warnings)
        let present = Set(speakers.compactMap { $0 }).union(source.guid.flatMap { taking[$0] } ?? [])
        var details = source
        details.text = nil
        details.selections = []
        try put(.source(project, REFIPreparedSource(source: details, turns: cuts.count, present: present.sorted(),
                                                    warnings: warnings, notApplied: notApplied)))
        for index in 0..<cuts.count { try put(.turn(cuts.turn(index), speaker: speakers[index])) }
        try put(.sourceEnd)
    }

    /// The owners of the selections, and the cases of each source, from the project's cases (read
    /// before any source).
    private mutating func start(_ project: REFIImportProject) -> REFICaseLinks.Owners {
        for (index, person) in project.cases.enumerated() {
            for guid in person.sourceGUIDs { taking[guid, default: []].insert(index) }
        }
        var owners = project.selectionOwners
        if !project.cases.allSatisfy(\.selectionGUIDs.isEmpty) {
            for (index, person) in project.cases.enumerated() {
                for guid in person.selectionGUIDs { owners.add(guid, owner: index) }
            }
            owners.seal()
        }
        self.owners = owners
        return owners
    }
}

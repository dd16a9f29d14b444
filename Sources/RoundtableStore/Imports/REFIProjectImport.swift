import Foundation
import GRDB
import RoundtableCore

/// One REFI-QDA project being brought across, source by source: the codebook, the panel and the
/// cases first (they precede the sources in a project.qde), then each source as a session.
struct REFIProjectImport {
    private let database: AppDatabase
    private var report: REFIImportReport
    private var warnings: [String] = []
    private var notApplied = 0
    private var people: [Participant?] = []
    private var guids: [String: Int64] = [:]
    private let codes: [Code]
    private var planner: REFISessionPlanner

    init(_ database: AppDatabase, _ db: Database, _ project: REFIImportProject, panel: String?) throws {
        self.database = database
        report = REFIImportReport(panel: panel ?? AppDatabase.panelKey(project.name))
        report.codesCreated = try database.importCodes(db, project.codes).created
        if try Panel.filter(Column("key") == report.panel).fetchCount(db) == 0 {
            _ = try database.createPanel(db, key: report.panel, name: panel ?? project.name, kind: .pool,
                                         description: "Imported from a REFI-QDA project")
        }
        for person in project.cases {
            do {
                people.append(try database.addParticipant(db, NewParticipant(name: person.name, attributes: person.variables)))
            } catch let error as RoundtableError {
                people.append(nil)
                warnings.append("case '\(person.name)' not brought across: \(error.message)")
            }
        }
        let added = people.compactMap { $0?.key }
        if !added.isEmpty { _ = try database.addMembers(db, panel: report.panel, participants: added, role: "member", termEnd: nil) }
        report.cases = added.count
        planner = REFISessionPlanner(panel: report.panel, capacity: max(1, added.count))
        guids = Dictionary(project.codes.enumerated().compactMap { index, entry in entry.guid.map { ($0, Int64(index + 1)) } },
                           uniquingKeysWith: { first, _ in first })
        codes = AppDatabase.transcriptCodes(project.codes)
    }

    /// Brings one prepared text source across as a past session, its turns taken from `take` up to
    /// the source's end.
    mutating func source(_ db: Database, _ project: REFIImportProject, _ prepared: REFIPreparedSource,
                         turns take: () throws -> REFIImportStep?) throws {
        let source = prepared.source
        let session = try planner.schedule(database, db, project, source)
        warnings += prepared.warnings
        notApplied += prepared.notApplied
        guard prepared.turns > 0 else {
            warnings.append("\(source.name): the text has no lines; session \(session.key) has no transcript")
            report.sessions.append(session.key)
            while let step = try take(), case .turn = step {}
            return
        }
        try database.seatREFISpeakers(db, session, prepared.present.compactMap { people[$0] })
        let (persons, guids, codes, clock) = (people, self.guids, self.codes, database.clock)
        var warnings = self.warnings
        var attributed = 0
        defer { self.warnings = warnings }
        let done = try database.importTranscript(db, session: session.key, fileName: source.name, replace: false) { sink in
            try sink.codebook(codes)
            var sequence = 0
            while let step = try take(), case .turn(let turn, let speakerIndex) = step {
                sequence += 1
                var codings = turn.codings.compactMap { span -> Coding? in
                    guard let id = guids[span.codeGUID] else { return nil }
                    return Coding(codeId: id, target: .utterance(0), span: TextSpan(start: span.start, end: span.end),
                                  coder: "refi", createdAt: clock())
                }
                if !codings.isEmpty, UnicodeText.composed(turn.text) != turn.text {
                    warnings.append("\(source.name):\(turn.line): text not in NFC; \(codings.count) codings skipped")
                    codings = []
                }
                var utterance = Utterance(sessionId: session.id!, sequence: sequence, speakerLabel: turn.speaker, text: turn.text)
                // The case's link names the speaker: the importer matches it to the person under their own name.
                var speaker = turn.speaker
                if let speakerIndex, let person = persons[speakerIndex] {
                    utterance.participantId = person.id
                    speaker = person.displayName
                    attributed += 1
                }
                try sink.entry(TranscriptEntry(utterance: utterance, speaker: speaker, codings: codings, line: turn.line))
            }
        }
        report.sessions.append(session.key)
        report.utterances += done.transcript.utterances
        report.attributedTurns += attributed
        report.codings += done.codings
    }

    /// The report, with the reader's warnings first, as when the project was read whole.
    func report(_ project: REFIImportProject) -> REFIImportReport {
        var report = report
        report.warnings = project.warnings + warnings
        report.selectionsNotApplied = project.selectionsNotApplied + notApplied
        return report
    }
}

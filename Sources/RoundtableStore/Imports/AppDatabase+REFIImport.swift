import Foundation
import GRDB
import RoundtableCore

/// What importing a REFI-QDA project brought across.
public struct REFIImportReport: Sendable {
    public var panel: String
    public var sessions: [EntityKey] = []
    public var utterances = 0
    public var codesCreated = 0
    public var codings = 0
    public var cases = 0
    /// Turns attributed to a participant through a case's reference to them.
    public var attributedTurns = 0
    /// Selections listed in the warnings and not applied (outside their source, not a range, on no text).
    public var selectionsNotApplied = 0
    /// What was not brought across, or brought across only in part.
    public var warnings: [String] = []
}

extension AppDatabase {
    /// Imports a REFI-QDA project: its codebook (codes keep their GUIDs), its cases as participants on
    /// the panel, and each text source as a past session of that panel whose transcript is the source
    /// cut into turns on lines, with the codings on the turns they cover. A turn a case refers to is
    /// that participant's, and a case that refers to a turn or to the source is seated as attended.
    /// A session keeps the time Roundtable recorded in its source's variables (`REFISessionVariables`);
    /// otherwise it lasts 60 minutes from the source's creation time (else now), moved on past its
    /// moderator's previous one. Each source is led by a moderator for the user who created it (else
    /// the first user): `user-N@refi.invalid`, UTC, reused if present; without users,
    /// `refi-import@refi.invalid`. One transaction: the project lands whole or not at all.
    public func importREFIProject(_ project: REFIImportProject, panel: String?) throws -> REFIImportReport {
        try importREFIProject(panel: panel) { each in
            var rest = project
            rest.sources = []
            for source in project.sources where source.text != nil { try each(rest, source) }
            return rest
        }
    }

    /// `importREFIProject` as the project is read: `read` hands each text source to the closure it
    /// is given, with the project read so far (its codebook, users and cases), and returns the rest
    /// of the project; a source is brought across as it arrives, so only one is held at a time.
    /// An error thrown by `read` rolls everything back.
    public func importREFIProject(panel: String?, read: (_ each: @escaping (REFIImportProject, REFIImportSource) throws -> Void) throws
                                  -> REFIImportProject) throws -> REFIImportReport {
        try write { db in
            var importer: REFIProjectImport?
            var failure: Error?
            let project = try read { project, source in
                // The closure escapes into the reader, so `db` is used only while `write` runs.
                do {
                    if importer == nil { importer = try REFIProjectImport(self, db, project, panel: panel) }
                    try importer!.source(db, project, source)
                } catch {
                    failure = error
                    throw error
                }
            }
            if let failure { throw failure }
            if importer == nil { importer = try REFIProjectImport(self, db, project, panel: panel) }
            return importer!.report(project)
        }
    }

    /// The codebook as a transcript document carries it: ids by position, parents by path.
    static func transcriptCodes(_ entries: [CodebookEntry]) -> [Code] {
        var ids: [[String]: Int64] = [:]
        return entries.enumerated().map { index, entry in
            let id = Int64(index + 1)
            ids[entry.path] = ids[entry.path] ?? id
            return Code(id: id, parentId: ids[Array(entry.path.dropLast())], name: entry.path.last ?? "",
                        description: entry.description, color: entry.color, createdAt: Date(timeIntervalSince1970: 0))
        }
    }

    static func panelKey(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789")
        let slug = String(name.lowercased().map { allowed.contains($0) ? $0 : "-" })
            .split(separator: "-").joined(separator: "-").prefix(40)
        return slug.count >= 2 ? String(slug) : "refi-import"
    }

    static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

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
    /// The cases that refer to each source took part in its session.
    private var taking: [String: Set<Int>] = [:]
    private var planner: REFISessionPlanner
    private let owners: REFICaseLinks.Owners

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
        for (index, person) in project.cases.enumerated() {
            for guid in person.sourceGUIDs { taking[guid, default: []].insert(index) }
        }
        if project.cases.allSatisfy(\.selectionGUIDs.isEmpty) {
            owners = project.selectionOwners
        } else {
            var owners = project.selectionOwners
            for (index, person) in project.cases.enumerated() {
                for guid in person.selectionGUIDs { owners.add(guid, owner: index) }
            }
            owners.seal()
            self.owners = owners
        }
    }

    /// Brings one text source across as a past session with its transcript.
    mutating func source(_ db: Database, _ project: REFIImportProject, _ source: REFIImportSource) throws {
        guard let text = source.text else { return }
        let session = try planner.schedule(database, db, project, source)
        let turns = REFITurnSplitter.split(text, selections: source.selections, source: source.name, warnings: &warnings,
                                           notApplied: &notApplied)
        guard !turns.isEmpty else {
            warnings.append("\(source.name): the text has no lines; session \(session.key) has no transcript")
            report.sessions.append(session.key)
            return
        }
        let speakers = REFICaseLinks.speakers(of: turns, selections: source.selections, owners: owners, cases: project.cases,
                                              source: source.name, warnings: &warnings)
        let present = Set(speakers.compactMap { $0 }).union(source.guid.flatMap { taking[$0] } ?? [])
        try database.seatREFISpeakers(db, session, present.sorted().compactMap { people[$0] })
        let (persons, guids, codes, clock) = (people, self.guids, self.codes, database.clock)
        var warnings = self.warnings
        defer { self.warnings = warnings }
        let done = try database.importTranscript(db, session: session.key, fileName: source.name, replace: false) { sink in
            try sink.codebook(codes)
            for (sequence, turn) in turns.enumerated() {
                var codings = turn.codings.compactMap { span -> Coding? in
                    guard let id = guids[span.codeGUID] else { return nil }
                    return Coding(codeId: id, target: .utterance(0), span: TextSpan(start: span.start, end: span.end),
                                  coder: "refi", createdAt: clock())
                }
                if !codings.isEmpty, UnicodeText.composed(turn.text) != turn.text {
                    warnings.append("\(source.name):\(turn.line): text not in NFC; \(codings.count) codings skipped")
                    codings = []
                }
                var utterance = Utterance(sessionId: session.id!, sequence: sequence + 1, speakerLabel: turn.speaker, text: turn.text)
                // The case's link names the speaker: the importer matches it to the person under their own name.
                var speaker = turn.speaker
                if let index = speakers[sequence], let person = persons[index] {
                    utterance.participantId = person.id
                    speaker = person.displayName
                }
                try sink.entry(TranscriptEntry(utterance: utterance, speaker: speaker, codings: codings, line: turn.line))
            }
        }
        report.sessions.append(session.key)
        report.utterances += done.transcript.utterances
        report.attributedTurns += speakers.filter { $0.flatMap { people[$0] } != nil }.count
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

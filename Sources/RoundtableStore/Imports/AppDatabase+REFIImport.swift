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
    /// What was not brought across, or brought across only in part.
    public var warnings: [String] = []
}

extension AppDatabase {
    /// Imports a REFI-QDA project: its codebook (codes keep their GUIDs), its cases as participants on
    /// the panel, and each text source as a past 60-minute session of that panel whose transcript is the
    /// source cut into turns on lines, with the codings on the turns they cover. The sessions are led by a
    /// moderator for the project's first user (`user-1@refi.invalid`, UTC; reused if present), else by
    /// `refi-import@refi.invalid`. Sessions start at the source's creation time (else now), moved on
    /// past the previous one so the moderator is never double-booked. One transaction: the project
    /// lands whole or not at all.
    public func importREFIProject(_ project: REFIImportProject, panel: String?) throws -> REFIImportReport {
        try write { db in try importREFIProject(db, project, panel: panel) }
    }

    private func importREFIProject(_ db: Database, _ project: REFIImportProject, panel: String?) throws -> REFIImportReport {
        var report = REFIImportReport(panel: panel ?? Self.panelKey(project.name), warnings: project.warnings)
        let counts = try importCodes(db, project.codes)
        report.codesCreated = counts.created
        let sources = project.sources.compactMap { source in source.text.map { (source, $0) } }
        let sessions: [Session] = try {
            if try Panel.filter(Column("key") == report.panel).fetchCount(db) == 0 {
                _ = try createPanel(db, key: report.panel, name: panel ?? project.name, kind: .pool,
                                    description: "Imported from a REFI-QDA project")
            }
            var people: [EntityKey] = []
            for person in project.cases {
                do {
                    people.append(try addParticipant(db, NewParticipant(name: person.name, attributes: person.variables)).key)
                } catch let error as RoundtableError {
                    report.warnings.append("case '\(person.name)' not brought across: \(error.message)")
                }
            }
            if !people.isEmpty { _ = try addMembers(db, panel: report.panel, participants: people, role: "member", termEnd: nil) }
            report.cases = people.count
            guard !sources.isEmpty else { return [] }
            let moderator = try refiModerator(db, project.users)
            var next = Date.distantPast
            return try sources.map { source, _ in
                let start = max(source.created ?? clock(), next)
                next = start.addingTimeInterval(61 * 60)
                let plan = SessionPlan(title: source.name, kind: .focusGroup, start: Self.iso(start), timeZone: "UTC",
                                       durationMinutes: 60, moderators: [moderator], panel: report.panel,
                                       capacity: max(1, people.count), allowPast: true)
                return try scheduleSession(db, plan)
            }
        }()
        let guids = Dictionary(project.codes.enumerated().compactMap { index, entry in entry.guid.map { ($0, Int64(index + 1)) } },
                               uniquingKeysWith: { first, _ in first })
        let codes = Self.transcriptCodes(project.codes)
        for ((source, text), session) in zip(sources, sessions) {
            let turns = REFITurnSplitter.split(text, selections: source.selections, source: source.name, warnings: &report.warnings)
            guard !turns.isEmpty else {
                report.warnings.append("\(source.name): the text has no lines; session \(session.key) has no transcript")
                report.sessions.append(session.key)
                continue
            }
            let done = try importTranscript(db, session: session.key, fileName: source.name, replace: false) { sink in
                try sink.codebook(codes)
                for (sequence, turn) in turns.enumerated() {
                    var codings = turn.codings.compactMap { span -> Coding? in
                        guard let id = guids[span.codeGUID] else { return nil }
                        return Coding(codeId: id, target: .utterance(0), span: TextSpan(start: span.start, end: span.end),
                                      coder: "refi", createdAt: clock())
                    }
                    if !codings.isEmpty, UnicodeText.composed(turn.text) != turn.text {
                        report.warnings.append("\(source.name):\(turn.line): text not in NFC; \(codings.count) codings skipped")
                        codings = []
                    }
                    let utterance = Utterance(sessionId: session.id!, sequence: sequence + 1, speakerLabel: turn.speaker, text: turn.text)
                    try sink.entry(TranscriptEntry(utterance: utterance, speaker: turn.speaker, codings: codings, line: turn.line))
                }
            }
            report.sessions.append(session.key)
            report.utterances += done.transcript.utterances
            report.codings += done.codings
        }
        return report
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

    private func refiModerator(_ db: Database, _ users: [String]) throws -> EntityKey {
        let name = users.first.flatMap { $0.isEmpty ? nil : $0 } ?? "REFI import"
        let email = users.isEmpty ? "refi-import@refi.invalid" : "user-1@refi.invalid"
        if let existing = try Moderator.filter(sql: "email = ? COLLATE NOCASE", arguments: [email]).fetchOne(db) { return existing.key }
        return try addModerator(db, name: name, email: email, timeZone: "UTC").key
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

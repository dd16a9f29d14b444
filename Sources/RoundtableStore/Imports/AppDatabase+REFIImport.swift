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

    /// `importREFIProject(panel:read:)` into the workspace at `path`; when there is none yet, it is
    /// built aside and appears only once the whole project is in (a failed import leaves nothing).
    public static func importREFIProject(at path: String, busyTimeout: TimeInterval = 10,
                                         clock: @escaping @Sendable () -> Date = { Date() }, panel: String?,
                                         read: (_ each: @escaping (REFIImportProject, REFIImportSource) throws -> Void) throws
                                         -> REFIImportProject) throws -> REFIImportReport {
        guard try WorkspaceIdentity.inspect(path) == .missing else {
            return try open(path: path, busyTimeout: busyTimeout, clock: clock).importREFIProject(panel: panel, read: read)
        }
        // A small page cache: the project's text and the cases' references already take most of the memory.
        return try buildingNewWorkspace(at: path, busyTimeout: busyTimeout, clock: clock, cacheKiB: 4096) { database in
            try database.importREFIProject(panel: panel, read: read)
        }
    }

    /// `importREFIProject` as the project is read: `read` hands each text source to the closure it
    /// is given, with the project read so far (its codebook, users and cases), and returns the rest
    /// of the project; a source is brought across as it arrives, so only one is held at a time.
    /// `read` runs on a thread of its own, which also cuts each source into turns, while this one
    /// writes them. An error thrown by `read` rolls everything back.
    public func importREFIProject(panel: String?, read: (_ each: @escaping (REFIImportProject, REFIImportSource) throws -> Void) throws
                                  -> REFIImportProject) throws -> REFIImportReport {
        try write { db in
            var search = try DeferredSearchIndex(db)
            var importer: REFIProjectImport?
            let project = try Handoff<REFIImportStep>.run(produce: { put in
                var preparer = REFISourcePreparer()
                return try read { project, source in try preparer.prepare(project, source, put) }
            }, consume: { takeNext in
                // Turns are indexed for search as they come, so the writing never waits on one long fill at the end.
                var unindexed = 0
                func take() throws -> REFIImportStep? {
                    unindexed += 1
                    if unindexed >= 4096 {
                        try search.index(db)
                        unindexed = 0
                    }
                    return try takeNext()
                }
                while let step = try take() {
                    guard case .source(let project, let source) = step else { continue }
                    if importer == nil { importer = try REFIProjectImport(self, db, project, panel: panel) }
                    try importer!.source(db, project, source, turns: take)
                }
            })
            if importer == nil { importer = try REFIProjectImport(self, db, project, panel: panel) }
            try search.finish(db)
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

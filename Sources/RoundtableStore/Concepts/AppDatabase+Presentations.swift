import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Records which concepts a session shows and in what order (positions 1…k), replacing an
    /// earlier order while nobody has reacted yet. With `rotate`, the order is the next row of a
    /// balanced rotation (Williams design) over the concepts sorted by key, counted across the
    /// earlier sessions of the same panel that showed exactly this set.
    public func presentConcepts(session key: EntityKey, concepts keys: [String], rotate: Bool) throws -> [PresentedConcept] {
        try write { db in try presentConcepts(db, session: key, concepts: keys, rotate: rotate) }
    }

    func presentConcepts(_ db: Database, session key: EntityKey, concepts keys: [String], rotate: Bool) throws -> [PresentedConcept] {
        let session = try Lookup.session(db, key)
        try session.status.require([.draft, .scheduled, .inProgress, .completed], to: "present concepts in", session: key)
        guard !keys.isEmpty else { throw RoundtableError.usage("name at least one concept to present in \(key)") }
        var seen = Set<String>()
        for conceptKey in keys where !seen.insert(conceptKey).inserted {
            throw RoundtableError.usage("concept \(conceptKey) is named twice")
        }
        var concepts = try keys.map { try ConceptLookup.concept(db, $0) }
        if rotate {
            let sorted = concepts.sorted { $0.key < $1.key }
            let row = try Self.rotationRow(db, session: session, conceptIds: sorted.map { $0.id! })
            concepts = ConceptRotation.order(count: sorted.count, session: row).map { sorted[$0] }
        }
        let current = try ConceptLookup.lineup(db, session: session.id!)
        // Running the same command twice is not a change, so it is not refused once people reacted.
        if current.map(\.concept.id) == concepts.map(\.id) { return current }
        if !current.isEmpty {
            let reactions = try ConceptLookup.reactionCount(db, session: session.id!)
            guard reactions == 0 else {
                let shown = current.map(\.concept.key).joined(separator: ", ")
                let recorded = reactions == 1 ? "1 reaction is" : "\(reactions) reactions are"
                throw RoundtableError.rule("cannot change the concepts of \(key) (\(shown)): \(recorded) already recorded")
            }
            try Presentation.filter(Column("sessionId") == session.id!).deleteAll(db)
        }
        var lineup: [PresentedConcept] = []
        for (index, concept) in concepts.enumerated() {
            var presentation = Presentation(sessionId: session.id!, conceptId: concept.id!, position: index + 1)
            try presentation.insert(db)
            lineup.append(PresentedConcept(presentation: presentation, concept: concept))
        }
        let order = lineup.map { "\($0.position) \($0.concept.key)" }.joined(separator: ", ")
        try audit(db, "concept.present", "\(key)", order + (rotate ? " (rotated)" : ""))
        return lineup
    }

    /// How many other sessions of the same panel (or, without a panel, other panel-less sessions),
    /// not cancelled and starting earlier, already show exactly `conceptIds`.
    static func rotationRow(_ db: Database, session: Session, conceptIds: [Int64]) throws -> Int {
        // Sessions starting at the same instant are ordered by key, so each still gets its own row.
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM session s
            WHERE s.id <> :id AND s.panelId IS :panelId AND s.status <> 'cancelled'
              AND (s.startsAt < :startsAt OR (s.startsAt = :startsAt AND s.id < :id))
              AND (SELECT COUNT(*) FROM presentation p WHERE p.sessionId = s.id) = :count
              AND (SELECT COUNT(*) FROM presentation p WHERE p.sessionId = s.id
                   AND p.conceptId IN (SELECT value FROM json_each(:ids))) = :count
            """, arguments: ["id": session.id!, "panelId": session.panelId, "startsAt": session.startsAt,
                             "count": conceptIds.count, "ids": JSONList.encode(conceptIds)]) ?? 0
    }
}

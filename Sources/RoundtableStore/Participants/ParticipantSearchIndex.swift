import Foundation
import GRDB
import RoundtableCore

/// The trigram index behind participant search (schema v6): what it holds, how far it reaches,
/// and the candidate filter a search runs through it. A candidate is only a row that has every
/// sampled trigram of the search; the caller still tests the real substring, so the index may
/// narrow a search but never changes its answer.
enum ParticipantSearchIndex {
    /// The text indexed for a participant row named `row` (`old`, `new` or a table): the search
    /// form of the name, a line break, the e-mail in ASCII lower case as SQLite's `lower` makes it.
    /// The schema v6 triggers spell out the same expression.
    static func indexedText(_ row: String) -> String {
        "\(row).nameSearch || char(10) || lower(ifnull(\(row).email, ''))"
    }

    /// At most this many trigrams of each search text go into the query: more narrow little further.
    static let sampledTrigrams = 12

    /// The highest participant id the index covers.
    static func indexedUpTo(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT indexedUpTo FROM participantSearchState") ?? 0
    }

    /// How many participants the index does not cover yet.
    static func backlog(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(*) FROM participant WHERE id > (SELECT indexedUpTo FROM participantSearchState)
            """) ?? 0
    }

    /// Indexes every participant above the covered id and moves the mark; returns how many.
    @discardableResult
    static func catchUp(_ db: Database) throws -> Int {
        let upTo = try indexedUpTo(db)
        try db.execute(sql: """
            INSERT INTO participantSearch (rowid, text)
            SELECT id, \(indexedText("participant")) FROM participant WHERE id > ? ORDER BY id
            """, arguments: [upTo])
        let indexed = db.changesCount
        try db.execute(sql: """
            UPDATE participantSearchState SET indexedUpTo = max(indexedUpTo, ifnull((SELECT max(id) FROM participant), 0))
            """)
        return indexed
    }

    /// The FTS5 query that every participant whose name form contains `nameKey` or whose e-mail
    /// contains `emailNeedle` matches, or nil when either text is too short to have a trigram (the
    /// search then scans). Each trigram is quoted, so no search text is an FTS5 syntax error.
    static func matchExpression(nameKey: String, emailNeedle: String) -> String? {
        guard let name = allTrigrams(of: nameKey), let email = allTrigrams(of: emailNeedle) else { return nil }
        return name == email ? name : "(\(name)) OR (\(email))"
    }

    /// `text`'s trigrams (by Unicode scalar, as FTS5's trigram tokenizer counts), at most
    /// `sampledTrigrams` of them spread over the text, joined by AND; nil below three scalars.
    private static func allTrigrams(of text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 3 else { return nil }
        let starts = Array(0...(scalars.count - 3))
        let step = max(1, Double(starts.count) / Double(sampledTrigrams))
        var picked: [String] = []
        var seen = Set<String>()
        var position = 0.0
        while Int(position) < starts.count, picked.count < sampledTrigrams {
            let start = starts[Int(position)]
            var trigram = String.UnicodeScalarView()
            trigram.append(contentsOf: scalars[start..<(start + 3)])
            let quoted = "\"" + String(trigram).replacingOccurrences(of: "\"", with: "\"\"") + "\""
            if seen.insert(quoted).inserted { picked.append(quoted) }
            position += step
        }
        return picked.joined(separator: " AND ")
    }
}

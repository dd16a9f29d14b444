import Foundation
import GRDB
import RoundtableCore

/// What `codedSegments` read besides the segments it handed on.
public struct SegmentExport: Sendable {
    /// How many segments were handed on.
    public var count: Int
    /// The sessions in scope.
    public var sessions: [EntityKey]
    /// The key to the study codes: empty without pseudonymization.
    public var pseudonymKey: PseudonymKey
}

extension AppDatabase {
    /// Every coding of a transcript turn in `scope`, in one read: first the names of the attributes
    /// the coded turns' speakers have (sorted), then each segment, session by session (as the scope
    /// orders them), turn by turn, and within a turn by where the span starts. Rows come off a
    /// cursor a turn at a time, so memory stays flat however many there are.
    ///
    /// With `pseudonymize`, participants become P01, P02, … (by key, over all the sessions in scope)
    /// as speakers and inside the text, and spans move with the text; moderators and coders keep
    /// their names; attributes stay (they describe, not name). A forgotten participant's name is gone
    /// from the workspace already: their turns carry their key.
    public func codedSegments(_ scope: SessionScope, pseudonymize: Bool, attributes: ([String]) throws -> Void,
                              segment: (CodedSegment) throws -> Void) throws -> SegmentExport {
        try read { db in
            let sessions = try scope.sessions(db)
            let ids = SessionScope.idList(sessions)
            let speakers = """
                SELECT u.participantId FROM utterance u JOIN coding c ON c.utteranceId = u.id
                WHERE u.sessionId IN (SELECT value FROM json_each(?1)) AND u.participantId IS NOT NULL
                """
            try attributes(try String.fetchAll(db, sql: """
                SELECT DISTINCT name FROM participantAttribute WHERE participantId IN (\(speakers)) ORDER BY name
                """, arguments: [ids]))
            var attributesOf: [Int64: [String: String]] = [:]
            for attribute in try ParticipantAttribute.fetchAll(db, sql: """
                SELECT * FROM participantAttribute WHERE participantId IN (\(speakers))
                """, arguments: [ids]) {
                attributesOf[attribute.participantId, default: [:]][attribute.name] = attribute.value
            }
            let pseudonyms = pseudonymize ? try Self.pseudonyms(db, sessionIds: ids) : nil
            let codebook = try Codebook(db)
            var count = 0
            for session in sessions {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT u.id AS turnId, u.participantId AS turnParticipant, u.moderatorId AS turnModerator,
                           u.speakerLabel AS turnSpeaker, u.startMs AS turnStart, u.text AS turnText,
                           c.codeId, c.startOffset, c.endOffset, c.coder
                    FROM utterance u JOIN coding c ON c.utteranceId = u.id
                    WHERE u.sessionId = ? ORDER BY u.sequence, c.id
                    """, arguments: [session.id!])
                var turn: (row: Row, codings: [TurnCoding])?
                func flush() throws {
                    guard let (row, codings) = turn else { return }
                    for piece in Self.segments(of: row, codings, session: session, codebook: codebook, pseudonyms: pseudonyms,
                                               attributes: attributesOf) {
                        try segment(piece)
                        count += 1
                    }
                }
                while let row = try rows.next() {
                    let coding = TurnCoding(row)
                    if let current = turn, current.row["turnId"] as Int64 == row["turnId"] as Int64 {
                        turn?.codings.append(coding)
                    } else {
                        try flush()
                        turn = (row.copy(), [coding])
                    }
                }
                try flush()
            }
            return SegmentExport(count: count, sessions: sessions.map(\.key), pseudonymKey: pseudonyms?.key(sessions: sessions.map(\.key))
                                     ?? PseudonymKey(sessions: sessions.map { "\($0.key)" }))
        }
    }

    /// The segments of one turn (`row` holds its columns), ordered by where their spans start.
    private static func segments(of row: Row, _ codings: [TurnCoding], session: Session, codebook: Codebook,
                                 pseudonyms: Pseudonyms?, attributes: [Int64: [String: String]]) -> [CodedSegment] {
        let participant: Int64? = row["turnParticipant"]
        let moderator: Int64? = row["turnModerator"]
        var text: String = row["turnText"]
        var speaker: String = row["turnSpeaker"]
        var speakerKey = participant.map { "\(EntityKey(.participant, id: $0))" } ?? moderator.map { "\(EntityKey(.moderator, id: $0))" }
        var spans = codings.map { $0.span ?? TextSpan(start: 0, end: 0) }
        if let pseudonyms {
            (text, spans) = pseudonyms.apply(to: text, spans: spans)
            if let participant, let code = pseudonyms.code(of: participant) {
                (speaker, speakerKey) = (code, code)
            } else {
                speaker = pseudonyms.apply(to: speaker)
            }
        }
        let length = text.unicodeScalars.count
        let utterance = EntityKey(.utterance, id: row["turnId"])
        return zip(codings, spans).map { coding, moved in
            let span = coding.span == nil ? TextSpan(start: 0, end: length) : moved
            return CodedSegment(session: session.key, sessionStart: session.startsAt, sessionTimeZone: session.timeZone,
                                utterance: utterance, utteranceStartMs: row["turnStart"], speakerKey: speakerKey, speaker: speaker,
                                attributes: participant.flatMap { attributes[$0] } ?? [:],
                                codePath: codebook.code(coding.codeId).map(codebook.path(of:)) ?? "",
                                coder: coding.coder, span: span, isWholeUtterance: coding.span == nil, text: span.text(in: text))
        }.enumerated().sorted { ($0.element.span.start, $0.offset) < ($1.element.span.start, $1.offset) }.map(\.element)
    }

    /// Study codes for everyone seated in or speaking in the sessions (ids as a JSON list); staff
    /// and the sessions' coders keep their names.
    private static func pseudonyms(_ db: Database, sessionIds ids: String) throws -> Pseudonyms {
        let people = try Participant.fetchAll(db, sql: """
            SELECT * FROM participant WHERE id IN (
                SELECT participantId FROM seat WHERE sessionId IN (SELECT value FROM json_each(?1))
                UNION SELECT participantId FROM utterance WHERE sessionId IN (SELECT value FROM json_each(?1))
                    AND participantId IS NOT NULL)
            ORDER BY id
            """, arguments: [ids])
        let coders = try String.fetchAll(db, sql: """
            SELECT DISTINCT coder FROM coding JOIN utterance ON utterance.id = coding.utteranceId
            WHERE utterance.sessionId IN (SELECT value FROM json_each(?1))
            """, arguments: [ids])
        return Pseudonyms(people: people, keeping: try Pseudonyms.staff(db) + coders)
    }
}

/// The columns of a coding that a segment shows, read by position: decoding whole `Coding`
/// records cost a quarter of a large export.
private struct TurnCoding {
    var codeId: Int64
    var span: TextSpan?
    var coder: String

    /// Reads the last four columns of a segment row: codeId, startOffset, endOffset, coder.
    init(_ row: Row) {
        let count = row.count
        codeId = row[count - 4]
        let start: Int? = row[count - 3], end: Int? = row[count - 2]
        span = start.flatMap { start in end.map { TextSpan(start: start, end: $0) } }
        coder = row[count - 1]
    }
}

import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Inter-coder agreement on the codings of `session`'s utterances among `coders` (else everyone
    /// who coded one), with units by `unit`; only utterances a compared coder coded count, unless
    /// `includeUncoded`. Fewer than two coders, or a named coder who coded none of the session's
    /// utterances, is bad data (65).
    public func codingAgreement(session key: EntityKey, coders named: [String]? = nil, unit: AgreementUnit = .turn,
                                includeUncoded: Bool = false) throws -> AgreementReport {
        try read { db in
            let session = try Lookup.session(db, key)
            let utterances = try Utterance.filter(Column("sessionId") == key.id).order(Column("sequence")).fetchAll(db)
            // Only the columns the units need: a long transcript has tens of thousands of codings.
            let codings = try Row.fetchAll(db, sql: """
                SELECT codeId, utteranceId, startOffset, endOffset, coder FROM coding
                WHERE utteranceId IN (SELECT id FROM utterance WHERE sessionId = ?) ORDER BY id
                """, arguments: [key.id])
            let coders = try Self.agreementCoders(named, present: Set(codings.map { $0["coder"] as String }), session: key)
            let position = Dictionary(uniqueKeysWithValues: coders.enumerated().map { ($1, $0) })
            let codebook = try Codebook(db)
            var pathOf: [Int64: String] = [:]
            var byUtterance: [Int64: [AgreementUtterance.Coded]] = [:]
            for row in codings {
                guard let coder = position[row["coder"]], let code = codebook.code(row["codeId"]) else { continue }
                let start: Int? = row["startOffset"]
                let end: Int? = row["endOffset"]
                let path = pathOf[code.id!] ?? codebook.path(of: code)
                pathOf[code.id!] = path
                byUtterance[row["utteranceId"], default: []].append(
                    .init(code: path, coder: coder, span: TextSpan(start: start ?? 0, end: end ?? Int.max)))
            }
            let units = utterances.filter { includeUncoded || byUtterance[$0.id!] != nil }.map {
                AgreementUtterance(key: $0.key, text: $0.text, codings: byUtterance[$0.id!] ?? [])
            }
            let paths = Set(byUtterance.values.joined().map(\.code)).sorted()
            let built = CodingAgreement(coders: coders, unit: unit, codes: paths, utterances: units)
            var pooled = ReliabilityData<Bool>(coders: coders.count)
            for path in paths { pooled.append(contentsOf: built.data[path]!) }
            return AgreementReport(
                session: session, unit: unit, coders: coders, utterances: units.count, sessionUtterances: utterances.count,
                overall: AgreementMeasures(pooled),
                codes: paths.map { CodeAgreementMeasures(code: $0, measures: AgreementMeasures(built.data[$0]!)) },
                disagreements: built.disagreements)
        }
    }

    /// The coders to compare: those named (each must have coded in the session), else all who did.
    static func agreementCoders(_ named: [String]?, present: Set<String>, session: EntityKey) throws -> [String] {
        let who = present.isEmpty ? "nobody has coded its utterances"
            : "coded by \(present.sorted().joined(separator: ", "))"
        var coders: [String] = []
        for coder in named ?? present.sorted() where !coders.contains(coder) {
            guard present.contains(coder) else {
                throw RoundtableError.rule("\(coder) has coded no utterance of \(session) (\(who))")
            }
            coders.append(coder)
        }
        guard coders.count >= 2 else {
            throw RoundtableError.rule("agreement needs two coders of \(session) to compare (\(who))")
        }
        return coders
    }
}

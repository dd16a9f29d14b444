import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// `code agreement`'s units, built from codings that two or three coders made on one session.
@Suite("Store: coding agreement")
struct CodingAgreementStoreTests {
    let ws: Workspace
    let session: Session
    let anna: AppDatabase
    let ben: AppDatabase
    let carl: AppDatabase

    init() throws {
        ws = try Workspace()
        session = try ws.session(moderators: [try ws.moderator()])
        let clock = ws.clock
        anna = try AppDatabase(ws.db.writer, actor: "anna", clock: { clock.now })
        ben = try AppDatabase(ws.db.writer, actor: "ben", clock: { clock.now })
        carl = try AppDatabase(ws.db.writer, actor: "carl", clock: { clock.now })
        for text in ["How was the delivery?", "Slow, and nobody called back.", "Fast for me, but pricey 💸 here.",
                     "Thanks.", "Anything else?"] {
            try utterance(text)
        }
        for code in ["Speed", "Price", "Contact"] { try ws.db.addCode(name: code) }
    }

    @discardableResult
    func utterance(_ text: String) throws -> Utterance {
        try ws.db.write { db in
            let sequence = try Int.fetchOne(db, sql: "SELECT COUNT(*) + 1 FROM utterance") ?? 1
            var utterance = Utterance(sessionId: session.id!, sequence: sequence, speakerLabel: "Matti", text: text)
            try utterance.insert(db)
            return utterance
        }
    }

    func u(_ id: Int64) -> EntityKey { EntityKey(.utterance, id: id) }

    /// anna and ben code U-2 and U-3; U-1, U-4 and U-5 stay uncoded.
    func codeTwoCoders() throws {
        try anna.applyCode("Speed", to: u(2), from: 0, to: 4)
        try ben.applyCode("Speed", to: u(2), from: 0, to: 5)
        try anna.applyCode("Contact", to: u(2), from: 10, to: 29)
        try anna.applyCode("Speed", to: u(3), from: 0, to: 4)
        try ben.applyCode("Speed", to: u(3), from: 0, to: 4)
        try anna.applyCode("Price", to: u(3), from: 17, to: 25)
        try ben.applyCode("Price", to: u(3))
    }

    @Test("turn units: one per coded utterance and code; a code anywhere in the utterance is a 1")
    func turnUnits() throws {
        try codeTwoCoders()
        let report = try ws.db.codingAgreement(session: session.key)
        #expect(report.coders == ["anna", "ben"])
        #expect(report.utterances == 2 && report.sessionUtterances == 5)
        #expect(report.codes.map(\.code) == ["Contact", "Price", "Speed"])
        // Contact: anna 1 0, ben 0 0. n = 4, Σ o_cc = 2, Σ n_c² = 10: α = 1 − 3 · 2 / 6 = 0; κ = (2 − 2) / (4 − 2) = 0.
        let contact = report.codes[0].measures
        #expect(contact.units == 2 && contact.percent.percent == 50)
        #expect(contact.alpha.value == 0 && contact.kappa?.value == 0)
        // Price: anna and ben 0 in U-2 and 1 in U-3 (a span and the whole text are both a 1).
        let price = report.codes[1].measures
        #expect(price.percent.percent == 100 && price.alpha.value == 1 && price.kappa?.value == 1)
        // Speed: 1 everywhere for both: nothing varies, so α and κ are undefined.
        let speed = report.codes[2].measures
        #expect(speed.percent.percent == 100 && speed.alpha.value == nil && speed.kappa?.value == nil)
        #expect(speed.alpha.undefinedReason == "no variation: every coder gave every unit the same value")
        // Pooled, six units: 5 agree; κ = (6·5 − 18) / (36 − 18) = 2/3; α = 1 − 11 · 2 / 70 = 24/35.
        #expect(report.overall.units == 6 && report.overall.percent.agreeing == 5)
        #expect(abs(try #require(report.overall.kappa?.value) - 2.0 / 3.0) < 1e-12)
        #expect(abs(try #require(report.overall.alpha.value) - 24.0 / 35.0) < 1e-12)
        #expect(report.disagreements == [
            AgreementDisagreement(utterance: u(2), code: "Contact", span: TextSpan(start: 10, end: 29),
                                  text: "nobody called back.", appliedBy: ["anna"], notBy: ["ben"]),
        ])
    }

    @Test("--include-uncoded makes every utterance a unit")
    func includeUncoded() throws {
        try codeTwoCoders()
        let report = try ws.db.codingAgreement(session: session.key, includeUncoded: true)
        #expect(report.utterances == 5)
        #expect(report.codes.map(\.measures.units) == [5, 5, 5])
        #expect(report.codes[0].measures.percent.percent == 80)
        let characters = try ws.db.codingAgreement(session: session.key, unit: .character, includeUncoded: true)
        let length = ["How was the delivery?", "Slow, and nobody called back.", "Fast for me, but pricey 💸 here.",
                      "Thanks.", "Anything else?"].reduce(0) { $0 + $1.unicodeScalars.count }
        #expect(characters.codes.map(\.measures.units) == [length, length, length])
    }

    @Test("character units: stretches where coders differ, and the measures of one unit per character")
    func characterUnits() throws {
        try codeTwoCoders()
        try carl.applyCode("Price", to: u(3), from: 17, to: 23)
        for coders in [["anna", "ben"], ["anna", "ben", "carl"], ["carl", "anna"]] {
            let report = try ws.db.codingAgreement(session: session.key, coders: coders, unit: .character)
            #expect(report.coders == coders)
            let perCharacter = try perCharacterData(coders: coders, utterances: [2, 3])
            #expect(report.codes.map(\.code) == perCharacter.keys.sorted(), "\(coders)")
            var pooled = ReliabilityData<Bool>(coders: coders.count)
            for code in report.codes {
                let expected = try #require(perCharacter[code.code])
                pooled.append(contentsOf: expected)
                #expect(code.measures == AgreementMeasures(expected), "\(coders) \(code.code)")
                #expect(code.measures.alpha.value == KrippendorffAlpha(expected).value)
            }
            #expect(report.overall == AgreementMeasures(pooled), "\(coders)")
            #expect(report.overall.units == 3 * (29 + 31))
            #expect((report.overall.kappa == nil) == (coders.count != 2))
        }
        let report = try ws.db.codingAgreement(session: session.key, coders: ["anna", "ben"], unit: .character)
        #expect(report.disagreements.map { "\($0.utterance) \($0.code) \($0.span.start)-\($0.span.end) \($0.text) +\($0.appliedBy) -\($0.notBy)" } == [
            "U-000002 Speed 4-5 , +[\"ben\"] -[\"anna\"]",
            "U-000002 Contact 10-29 nobody called back. +[\"anna\"] -[\"ben\"]",
            "U-000003 Price 0-17 Fast for me, but  +[\"ben\"] -[\"anna\"]",
            "U-000003 Price 25-31  here. +[\"ben\"] -[\"anna\"]",
        ])
    }

    /// Each code's data written out one unit per character, straight from the stored codings.
    func perCharacterData(coders: [String], utterances: [Int64]) throws -> [String: ReliabilityData<Bool>] {
        try ws.db.read { db in
            let codings = try Coding.filter(coders.contains(Column("coder"))).fetchAll(db)
            let codebook = try Codebook(db)
            var result: [String: ReliabilityData<Bool>] = [:]
            for codeId in Set(codings.map(\.codeId)) {
                let path = codebook.path(of: codebook.code(codeId)!)
                var data = ReliabilityData<Bool>(coders: coders.count)
                for id in utterances {
                    let length = try Utterance.fetchOne(db, key: id)!.text.unicodeScalars.count
                    for index in 0..<length {
                        data.add(coders.map { coder in
                            codings.contains { coding in
                                coding.codeId == codeId && coding.coder == coder && coding.utteranceId == id
                                    && (coding.span.map { $0.start <= index && index < $0.end } ?? true)
                            }
                        })
                    }
                }
                result[path] = data
            }
            return result
        }
    }

    @Test("another coder may apply what one coder applied; the same coder may not apply it twice")
    func secondCoderSameSpan() throws {
        try anna.applyCode("Speed", to: u(2), from: 0, to: 4)
        try ben.applyCode("Speed", to: u(2), from: 0, to: 4)
        expectRoundtableError(.invalidData) { try ben.applyCode("Speed", to: u(2), from: 0, to: 4) }
        #expect(try ws.db.codings(target: u(2)).map(\.coding.coder) == ["anna", "ben"])
    }

    @Test("fewer than two coders, or a named coder who coded nothing here, is bad data naming who coded")
    func coderErrors() throws {
        let nobody = expectRoundtableError(.invalidData) { try ws.db.codingAgreement(session: session.key) }
        #expect(nobody?.message == "agreement needs two coders of S-0001 to compare (nobody has coded its utterances)")
        try anna.applyCode("Speed", to: u(2))
        let alone = expectRoundtableError(.invalidData) { try ws.db.codingAgreement(session: session.key) }
        #expect(alone?.message == "agreement needs two coders of S-0001 to compare (coded by anna)")
        try ben.applyCode("Price", to: u(3))
        let stranger = expectRoundtableError(.invalidData) {
            try ws.db.codingAgreement(session: session.key, coders: ["anna", "zoe"])
        }
        #expect(stranger?.message == "zoe has coded no utterance of S-0001 (coded by anna, ben)")
        let twice = expectRoundtableError(.invalidData) {
            try ws.db.codingAgreement(session: session.key, coders: ["anna", "anna"])
        }
        #expect(twice?.message == "agreement needs two coders of S-0001 to compare (coded by anna, ben)")
        expectRoundtableError(.invalidData) { try ws.db.codingAgreement(session: EntityKey(.session, id: 99)) }
        // A coding elsewhere (a note) does not make its coder a coder of the transcript.
        let note = try ws.db.addNote(session: session.key, at: nil, kind: .observation, text: "Noisy room")
        try carl.applyCode("Speed", to: note.key)
        #expect(try ws.db.codingAgreement(session: session.key).coders == ["anna", "ben"])
    }
}

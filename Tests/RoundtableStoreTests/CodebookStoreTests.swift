import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// The codebook: codes by path, codings on utterances, notes, comment cards and reactions, top codes.
@Suite("Store: codebook and codings")
struct CodebookStoreTests {
    /// "Wow 👍🏽 the Spin̈al app": the emoji is two scalars (thumbs up, skin tone) and n̈ has no
    /// precomposed form, so it stays two scalars even in NFC. 22 scalars, 20 characters.
    static let tricky = "Wow \u{1F44D}\u{1F3FD} the Spin\u{308}al app"

    let ws: Workspace
    let session: Session

    init() throws {
        ws = try Workspace()
        session = try ws.session(moderators: [try ws.moderator()])
    }

    @discardableResult
    func utterance(_ text: String, speaker: String = "Matti", participant: Int64? = nil) throws -> Utterance {
        try ws.db.write { db in
            let sequence = try Int.fetchOne(db, sql: "SELECT COUNT(*) + 1 FROM utterance") ?? 1
            var utterance = Utterance(sessionId: session.id!, sequence: sequence, participantId: participant,
                                      speakerLabel: speaker, text: text)
            try utterance.insert(db)
            return utterance
        }
    }

    @Test("codes nest by path, list as a tree in creation order and count their codings")
    func nestedPaths() throws {
        #expect(try ws.db.addCode(name: "Channel").path == "Channel")
        let phone = try ws.db.addCode(name: "Phone", parent: "Channel", description: "Calls", color: "1F77B4")
        #expect(phone.path == "Channel/Phone")
        #expect(phone.depth == 1)
        #expect(phone.code.color == "#1f77b4")
        let mobile = try ws.db.addCode(name: "Mobile", parent: "channel/PHONE")
        #expect(mobile.path == "Channel/Phone/Mobile")
        #expect(mobile.depth == 2)
        try ws.db.addCode(name: "Email", parent: "Channel")
        try ws.db.addCode(name: "Äänensävy")
        let said = try utterance("Soitin kolme kertaa")
        try ws.db.applyCode("Mobile", to: said.key)
        let roots = try ws.db.codes()
        #expect(roots.map(\.path) == ["Channel", "Äänensävy"])
        #expect(roots.preorder.map(\.path) == ["Channel", "Channel/Phone", "Channel/Phone/Mobile", "Channel/Email", "Äänensävy"])
        #expect(roots.preorder.map(\.depth) == [0, 1, 2, 1, 0])
        #expect(roots.preorder.map(\.codings) == [0, 0, 1, 0, 0])
        #expect(try ws.db.code("channel/phone/mobile").codings == 1)
        expectRoundtableError(.invalidData) { try ws.db.addCode(name: "X", parent: "Channel/Fax") }
        expectRoundtableError(.usage) { try ws.db.addCode(name: "X", parent: "Channel//Phone") }
        #expect(try ws.auditActions().filter { $0 == "code.add" }.count == 5)
    }

    @Test("a bare name that several codes have is ambiguous; a path or /Name picks one")
    func ambiguousBareName() throws {
        try ws.db.addCode(name: "Channel")
        try ws.db.addCode(name: "Problems")
        try ws.db.addCode(name: "Phone", parent: "Channel")
        try ws.db.addCode(name: "Phone", parent: "Problems")
        let error = expectRoundtableError(.invalidData) { try ws.db.addCode(name: "Landline", parent: "phone") }
        #expect(error?.message == "code name 'phone' is ambiguous: it could be Channel/Phone, Problems/Phone; give the path")
        #expect(try ws.db.addCode(name: "Landline", parent: "Problems/Phone").path == "Problems/Phone/Landline")
        try ws.db.addCode(name: "Phone")
        expectRoundtableError(.invalidData) { try ws.db.code("Phone") }
        #expect(try ws.db.code("/phone").path == "Phone")
        #expect(try ws.db.code("Landline").path == "Problems/Phone/Landline", "a unique bare name finds a nested code")
        let missing = expectRoundtableError(.invalidData) { try ws.db.code("Fax") }
        #expect(missing?.message == "no code Fax in this workspace")
    }

    @Test("colours must be #rrggbb (or the short #rgb other tools write) and are stored as #rrggbb in lower case")
    func colourValidation() throws {
        #expect(try ws.db.addCode(name: "Trust", color: "#A1B2C3").code.color == "#a1b2c3")
        #expect(try ws.db.addCode(name: "Speed", color: "#F0a").code.color == "#ff00aa")
        for bad in ["#12345g", "#12", "red", "#1234567"] {
            let error = expectRoundtableError(.usage) { try ws.db.addCode(name: "Price", color: bad) }
            #expect(error?.message.contains(bad) == true)
        }
        expectRoundtableError(.usage) { try ws.db.addCode(name: "Price/Value") }
        #expect(try ws.db.codes().count == 2)
    }

    @Test("sibling names clash whatever their case, in ASCII and beyond; cousins may share a name")
    func siblingClash() throws {
        try ws.db.addCode(name: "Channel")
        let error = expectRoundtableError(.invalidData) { try ws.db.addCode(name: "CHANNEL") }
        #expect(error?.message == "code Channel already exists")
        try ws.db.addCode(name: "Äänensävy")
        expectRoundtableError(.invalidData) { try ws.db.addCode(name: "äänensävy") }
        expectRoundtableError(.invalidData) { try ws.db.addCode(name: "A\u{308}a\u{308}nensa\u{308}vy") }
        try ws.db.addCode(name: "Other", parent: "Channel")
        #expect(try ws.db.addCode(name: "other", parent: "Äänensävy").path == "Äänensävy/other")
    }

    @Test("importing entries creates missing parents, updates what changed and counts each code once")
    func importCodes() throws {
        try ws.db.addCode(name: "Channel", description: "How", color: "#000000")
        try ws.db.addCode(name: "Trust")
        let counts = try ws.db.importCodes([
            CodebookEntry(path: ["Channel"], description: "How they reach us", color: nil),
            CodebookEntry(path: ["Channel", "Phone", "Mobile"], description: nil, color: "#ff0000"),
            CodebookEntry(path: ["channel", "phone"], description: "Calls", color: nil),
            CodebookEntry(path: ["Trust"], description: nil, color: nil),
        ])
        #expect(counts == CodeImportCounts(created: 2, updated: 1, unchanged: 1))
        let all = try ws.db.codes().preorder
        #expect(all.map(\.path) == ["Channel", "Channel/Phone", "Channel/Phone/Mobile", "Trust"])
        #expect(all.map(\.code.description) == ["How they reach us", "Calls", nil, nil])
        #expect(all[0].code.color == "#000000", "an entry without a colour keeps the one there")
        #expect(all[2].code.color == "#ff0000")
        let again = try ws.db.importCodes([CodebookEntry(path: ["Channel", "Phone"], description: "Calls", color: nil)])
        #expect(again == CodeImportCounts(created: 0, updated: 0, unchanged: 1))
        // A bad entry is bad data in the file it came from (exit 65), not a usage mistake.
        let bad = expectRoundtableError(.invalidData) {
            try ws.db.importCodes([CodebookEntry(path: ["New"], description: nil, color: nil),
                                   CodebookEntry(path: ["Channel", "Fax"], description: nil, color: "blue")])
        }
        #expect(bad?.message.hasPrefix("code Channel/Fax: ") == true)
        #expect(try ws.db.codes().preorder.count == 4, "a failed import adds nothing")
    }

    @Test("a whole utterance is coded by its coder, with the text it covers")
    func wholeUtterance() throws {
        try ws.db.addCode(name: "Speed")
        let said = try utterance("the delivery was slow")
        let coded = try ws.db.applyCode("speed", to: said.key)
        #expect(coded.isWholeText)
        #expect(coded.span == TextSpan(start: 0, end: 21))
        #expect(coded.text == "the delivery was slow")
        #expect(coded.codePath == "Speed")
        #expect(coded.target.description == "U-000001")
        #expect(coded.coding.coder == "test")
        #expect(coded.coding.startOffset == nil && coded.coding.endOffset == nil)
        #expect(try ws.auditActions().last == "code.apply")
    }

    @Test("spans count Unicode scalars: an emoji with a skin tone is two, n with a diaeresis is two")
    func scalarSpans() throws {
        try ws.db.addCode(name: "Brand")
        try ws.db.addCode(name: "Mood")
        let said = try utterance(Self.tricky)
        #expect(try ws.db.applyCode("Brand", to: said.key, from: 11, to: 18).text == "Spin\u{308}al")
        #expect(try ws.db.applyCode("Mood", to: said.key, from: 4, to: 6).text == "\u{1F44D}\u{1F3FD}")
        #expect(try ws.db.applyCode("Mood", to: said.key, from: 4, to: 5).text == "\u{1F44D}", "a scalar span may split a character")
        #expect(try ws.db.applyCode("Brand", to: said.key, from: 0, to: 22).text == Self.tricky)
        let outside = expectRoundtableError(.invalidData) { try ws.db.applyCode("Brand", to: said.key, from: 19, to: 23) }
        #expect(outside?.message == "span 19..23 is outside U-000001 (22 characters)")
        let empty = expectRoundtableError(.invalidData) { try ws.db.applyCode("Brand", to: said.key, from: 5, to: 5) }
        #expect(empty?.message.contains("22") == true)
        expectRoundtableError(.usage) { try ws.db.applyCode("Brand", to: said.key, from: 3, to: nil) }
        expectRoundtableError(.usage) { try ws.db.applyCode("Brand", to: said.key, from: nil, to: 3) }
        let listed = try ws.db.codings(target: said.key)
        #expect(listed.map(\.span.start) == [0, 4, 4, 11])
        #expect(try ws.db.codings(code: "Mood").map(\.text) == ["\u{1F44D}\u{1F3FD}", "\u{1F44D}"])
    }

    @Test("the same code on the same span twice is refused; whole text equals its full span")
    func duplicates() throws {
        try ws.db.addCode(name: "Speed")
        try ws.db.addCode(name: "Price")
        let said = try utterance("too slow")
        try ws.db.applyCode("Speed", to: said.key, from: 4, to: 8)
        let again = expectRoundtableError(.invalidData) { try ws.db.applyCode("Speed", to: said.key, from: 4, to: 8) }
        #expect(again?.message == "Speed is already applied to U-000001 [4, 8)")
        try ws.db.applyCode("Price", to: said.key, from: 4, to: 8)
        try ws.db.applyCode("Speed", to: said.key)
        expectRoundtableError(.invalidData) { try ws.db.applyCode("Speed", to: said.key, from: 0, to: 8) }
        #expect(try ws.db.codings(target: said.key).count == 3)
    }

    @Test("notes, comment cards and reaction comments are coded; a reaction without one is refused")
    func otherTargets() throws {
        try ws.db.addCode(name: "Trust")
        let person = try ws.participant("Liisa Pöysti")
        let other = try ws.participant("Matti Järvinen")
        let (withComment, without) = try ws.db.write { db in
            var note = Note(sessionId: session.id!, kind: .observation, text: "Group distrusts the app", author: "test",
                            createdAt: Workspace.start)
            try note.insert(db)
            var concept = Concept(key: "eco-box", title: "Eco box", createdAt: Workspace.start)
            try concept.insert(db)
            var shown = Presentation(sessionId: session.id!, conceptId: concept.id!, position: 1)
            try shown.insert(db)
            var first = Reaction(presentationId: shown.id!, participantId: person.id!, appeal: 4, intent: 3, recommend: 8,
                                 comment: "I would trust it", recordedAt: Workspace.start)
            try first.insert(db)
            var second = Reaction(presentationId: shown.id!, participantId: other.id!, appeal: 2, intent: 2, recommend: 3,
                                  recordedAt: Workspace.start)
            try second.insert(db)
            return (first, second)
        }
        #expect(try ws.db.applyCode("Trust", to: EntityKey(.note, id: 1), from: 6, to: 15).text == "distrusts")
        let card = try ws.db.addComment(text: "Luotan teihin")
        #expect(try ws.db.applyCode("Trust", to: card.key, from: 0, to: 6).text == "Luotan")
        #expect(try ws.db.applyCode("Trust", to: withComment.key).text == "I would trust it")
        let refused = expectRoundtableError(.invalidData) { try ws.db.applyCode("Trust", to: without.key) }
        #expect(refused?.message == "R-0002 has no comment to code")
        expectRoundtableError(.invalidData) { try ws.db.applyCode("Trust", to: EntityKey(.utterance, id: 9)) }
        expectRoundtableError(.usage) { try ws.db.applyCode("Trust", to: person.key) }
        #expect(try ws.db.codings(code: "Trust").map(\.target.description) == ["N-0001", "C-0001", "R-0001"])
    }

    @Test("top codes rank by codings and quote the longest coded utterance a speaker allows")
    func topCodes() throws {
        try ws.db.addCode(name: "Speed")
        try ws.db.addCode(name: "Price")
        let withdrawn = try ws.participant("Noora Quoteless")
        _ = try ws.db.recordConsent(withdrawn.key, scope: .quotes, given: false, version: "1")
        let short = try utterance("slow, so slow", speaker: "Matti")
        let long = try utterance("it took three weeks to arrive", speaker: "Åsa (moderator)")
        let private_ = try utterance("the slowest delivery I have ever seen in my life", speaker: "Noora",
                                     participant: withdrawn.id)
        try ws.db.applyCode("Speed", to: short.key)
        try ws.db.applyCode("Speed", to: long.key, from: 8, to: 29)
        try ws.db.applyCode("Speed", to: private_.key)
        try ws.db.applyCode("Price", to: short.key, from: 0, to: 4)
        let top = try ws.db.topCodes(session: session.key, limit: 5)
        #expect(top.map(\.path) == ["Speed", "Price"])
        #expect(top.map(\.codings) == [3, 1])
        #expect(top[0].quote == CodeQuote(utterance: long.key, speaker: "Åsa (moderator)", text: "three weeks to arrive"))
        #expect(top[1].quote?.text == "slow")
        #expect(try ws.db.topCodes(session: session.key, limit: 1).count == 1)
        expectRoundtableError(.usage) { try ws.db.topCodes(session: session.key, limit: 0) }
        expectRoundtableError(.invalidData) { try ws.db.topCodes(session: EntityKey(.session, id: 7), limit: 3) }
    }
}

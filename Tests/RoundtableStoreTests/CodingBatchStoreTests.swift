import Foundation
import GRDB
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

/// `code apply --search`, `code unapply` and `code batches` in the store.
@Suite("Store: coding batches")
struct CodingBatchStoreTests {
    let ws: Workspace
    let first: Session
    let second: Session
    let moderator: Moderator
    let matti: Participant
    let oystein: Participant

    /// Two sessions moderated by Liisa Virtanen with Matti Äijälä and Øystein Berg seated, and codes
    /// Channel/Phone and Channel/App.
    init() throws {
        ws = try Workspace()
        moderator = try ws.moderator("Liisa Virtanen")
        first = try ws.session(moderators: [moderator])
        second = try ws.session("Invoices", start: "2027-04-04 10:00", moderators: [moderator])
        matti = try ws.participant("Matti Äijälä")
        oystein = try ws.participant("Øystein Berg")
        try ws.invite(first, [matti, oystein])
        try ws.invite(second, [matti, oystein], policy: EligibilityPolicy(coolDown: try CalendarPeriod(parsing: "0")))
        try ws.db.addCode(name: "Channel")
        try ws.db.addCode(name: "Phone", parent: "Channel")
        try ws.db.addCode(name: "App", parent: "Channel")
        try ws.db.addCode(name: "People")
        let turns: [(Session, EntityKey, String)] = [
            (first, moderator.key, "Do you phone us, or use the mobile app?"),
            (first, matti.key, "I phone. The mobile app is slow; phone is faster."),
            (first, oystein.key, "Øystein here: never the phone."),
            (second, matti.key, "Äijälä again: PHONE, always."),
            (second, oystein.key, "A\u{308}ija\u{308}la\u{308} is right about the app."),
        ]
        for (session, speaker, text) in turns {
            _ = try ws.db.addUtterance(session: session.key, speaker: "\(speaker)", at: nil, text: text)
        }
    }

    func codingCount() throws -> Int {
        try ws.db.read { db in try Coding.fetchCount(db) }
    }

    @Test("every match is coded in one batch, on the matched word's scalars, in transcript order")
    func applyBatch() throws {
        let result = try ws.db.applyCode("Channel/Phone", search: "phone")
        #expect(result.batch == 1)
        #expect(result.codePath == "Channel/Phone")
        #expect(result.codings.map(\.utterance.id) == [1, 2, 2, 3, 4])
        #expect(result.codings.map(\.text) == ["phone", "phone", "phone", "phone", "PHONE"])
        #expect(result.codings[1].span == TextSpan(start: 2, end: 7))
        #expect(result.codings[2].span == TextSpan(start: 33, end: 38))
        #expect((result.applied, result.skipped, result.utterances) == (5, 0, 4))
        let stored = try ws.db.codings(code: "Channel/Phone")
        #expect(stored.map(\.text) == ["phone", "phone", "phone", "phone", "PHONE"])
        #expect(stored.allSatisfy { $0.coding.batchId == 1 && $0.coding.coder == "test" && !$0.isWholeText })
        #expect(try ws.auditActions().last == "code.apply-batch")
        let batches = try ws.db.codingBatches()
        #expect(batches.map(\.batch.query) == ["phone"])
        #expect(batches.map(\.batch.scope) == ["all transcripts"])
        #expect(batches.map(\.codingsLeft) == [5])
    }

    @Test("folded matching codes Äijälä and Øystein in either Unicode form", arguments: ["aijala", "ÄIJÄLÄ", "A\u{308}ija\u{308}la\u{308}"])
    func foldedSpans(query: String) throws {
        let result = try ws.db.applyCode("People", search: query)
        // The decomposed turn was stored composed: its offsets count the six composed scalars.
        #expect(result.codings.map(\.text.unicodeScalars.count) == [6, 6])
        #expect(result.codings.map(\.span) == [TextSpan(start: 0, end: 6), TextSpan(start: 0, end: 6)])
        let oystein = try ws.db.applyCode("People", search: "oystein")
        #expect(oystein.codings.map(\.text) == ["Øystein"])
        #expect(oystein.codings.map(\.span) == [TextSpan(start: 0, end: 7)])
    }

    @Test("matches already coded are skipped and counted; nothing new makes no batch")
    func skipsDuplicates() throws {
        try ws.db.applyCode("Phone", to: EntityKey(.utterance, id: 3), from: 24, to: 29)
        let result = try ws.db.applyCode("Phone", search: "phone", scope: BatchScope(session: first.key))
        #expect((result.applied, result.skipped, result.utterances) == (3, 1, 2))
        #expect(result.codings.filter(\.alreadyCoded).map(\.utterance.id) == [3])
        let again = try ws.db.applyCode("Phone", search: "phone", scope: BatchScope(session: first.key))
        #expect(again.batch == nil)
        #expect((again.applied, again.skipped) == (0, 4))
        #expect(try ws.db.codingBatches().count == 1)
        let none = try ws.db.applyCode("Phone", search: "fax")
        #expect(none.batch == nil && none.codings.isEmpty)
    }

    @Test("session and speaker narrow the search; whole utterances are coded once each")
    func scope() throws {
        let byMatti = try ws.db.applyCode("Phone", search: "phone", scope: BatchScope(speaker: matti.key, wholeUtterance: true))
        #expect(byMatti.codings.map(\.utterance.id) == [2, 4])
        #expect(byMatti.codings.allSatisfy { $0.isWholeText })
        #expect(byMatti.codings.first?.span == TextSpan(start: 0, end: 49))
        #expect(try ws.db.codings(code: "Phone").allSatisfy { $0.coding.span == nil })
        let moderatorOnly = try ws.db.applyCode("App", search: "app", scope: BatchScope(session: first.key, speaker: moderator.key))
        #expect(moderatorOnly.codings.map(\.utterance.id) == [1])
        #expect(try ws.db.codingBatches().map(\.batch.scope)
                == ["all transcripts, speaker P-000001, whole utterances", "session S-0001, speaker M-0001"])
        expectRoundtableError(.invalidData) { try ws.db.applyCode("App", search: "app", scope: BatchScope(speaker: EntityKey(.participant, id: 9))) }
        expectRoundtableError(.invalidData) { try ws.db.applyCode("App", search: "app", scope: BatchScope(session: EntityKey(.session, id: 9))) }
    }

    @Test("words standing together are one span; a prefix codes the whole word")
    func phrases() throws {
        let result = try ws.db.applyCode("App", search: "mobile app")
        #expect(result.codings.map(\.text) == ["mobile app", "mobile app"])
        let prefix = try ws.db.applyCode("Phone", search: "phon*", scope: BatchScope(session: second.key))
        #expect(prefix.codings.map(\.text) == ["PHONE"])
    }

    @Test("a dry run writes nothing, not even an audit entry")
    func dryRun() throws {
        let before = try ws.auditActions().count
        let result = try ws.db.applyCode("Phone", search: "phone", dryRun: true)
        #expect(result.batch == nil && result.applied == 5)
        #expect(try codingCount() == 0)
        #expect(try ws.db.codingBatches().isEmpty)
        #expect(try ws.auditActions().count == before)
    }

    @Test("the coder is recorded as given, checked as a one-line token of at most 200 characters; the audit log keeps the actor")
    func coder() throws {
        let result = try ws.db.applyCode("Phone", search: "faster", coder: "Åsa Lindqvist")
        #expect(try ws.db.codings(code: "Phone").map(\.coding.coder) == ["Åsa Lindqvist"])
        #expect(try ws.db.codingBatches().first?.batch.coder == "Åsa Lindqvist")
        #expect(result.batch == 1)
        let single = try ws.db.applyCode("App", to: EntityKey(.utterance, id: 1), coder: "Bo\u{308}rje")
        #expect(single.coding.coder == "Börje")
        let entries = try ws.db.read { db in try AuditEntry.order(sql: "id").fetchAll(db) }
        #expect(entries.suffix(2).allSatisfy { $0.actor == "test" })
        #expect(entries.last?.detail.hasSuffix("for Börje") == true)
        expectRoundtableError(.usage) { try ws.db.applyCode("App", search: "app", coder: "two\nlines") }
        expectRoundtableError(.usage) { try ws.db.applyCode("App", search: "app", coder: "  ") }
        expectRoundtableError(.usage) { try ws.db.applyCode("App", search: "app", coder: String(repeating: "å", count: 201)) }
    }

    @Test("taking a batch back deletes the codings still there and the batch, and leaves others")
    func unapplyBatch() throws {
        try ws.db.applyCode("Phone", to: EntityKey(.utterance, id: 1))
        let batch = try #require(try ws.db.applyCode("Phone", search: "phone").batch)
        let one = try #require(try ws.db.codings(code: "Phone").first { $0.coding.batchId == batch })
        try ws.db.unapplyCode("Phone", from: one.target, start: one.span.start, end: one.span.end)
        #expect(try ws.db.codingBatches().first?.codingsLeft == 4)
        let removal = try ws.db.unapplyBatch(batch)
        #expect(removal.removed == 4 && removal.codePath == "Channel/Phone")
        #expect(try ws.db.codings(code: "Phone").map(\.isWholeText) == [true], "the coding made by hand stays")
        #expect(try ws.db.codingBatches().isEmpty)
        #expect(try ws.auditActions().last == "code.unapply-batch")
        let missing = expectRoundtableError(.invalidData) { try ws.db.unapplyBatch(batch) }
        #expect(missing?.message == "no coding batch 1 in this workspace")
    }

    @Test("one coding is taken back when the span or coder picks it out; several are listed and refused")
    func unapplyOne() throws {
        let target = EntityKey(.utterance, id: 2)
        try ws.db.applyCode("Phone", to: target, from: 2, to: 7, coder: "anna")
        try ws.db.applyCode("Phone", to: target, from: 33, to: 38, coder: "bo")
        let several = expectRoundtableError(.invalidData) { try ws.db.unapplyCode("Phone", from: target) }
        #expect(several?.message == "Channel/Phone is applied to U-000002 2 times: [2, 7) by anna; [33, 38) by bo; "
                + "give --from and --to, or --coder, to pick one")
        let none = expectRoundtableError(.invalidData) { try ws.db.unapplyCode("Phone", from: target, coder: "cecilia") }
        #expect(none?.message == "Channel/Phone is not applied to U-000002 by cecilia")
        let removed = try ws.db.unapplyCode("Phone", from: target, coder: "bo")
        #expect(removed.text == "phone" && removed.span == TextSpan(start: 33, end: 38))
        try ws.db.unapplyCode("Phone", from: target, start: 2, end: 7)
        #expect(try codingCount() == 0)
        #expect(try ws.auditActions().suffix(2) == ["code.unapply", "code.unapply"])
    }
}

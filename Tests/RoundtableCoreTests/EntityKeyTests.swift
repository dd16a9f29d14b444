import Foundation
import Testing
@testable import RoundtableCore

/// Generated keys such as `S-0003`, and the slugs that name panels.
@Suite("EntityKey and PanelKey")
struct EntityKeyTests {
    @Test("keys are padded per entity", arguments: [
        (KeyedEntity.session, Int64(1), "S-0001"), (.participant, 1, "P-000001"), (.moderator, 1, "M-0001"),
        (.session, 42, "S-0042"), (.session, 12_345, "S-12345"), (.participant, 1_234_567, "P-1234567"),
    ])
    func formats(entity: KeyedEntity, id: Int64, text: String) {
        #expect(EntityKey(entity, id: id).description == text)
    }

    @Test("session keys parse leniently", arguments: ["s-3", "S3", "S-0003", "s0003", " S-3 ", "S-000000003"])
    func parsesSessionKeys(text: String) throws {
        let key = try EntityKey(parsing: text, as: .session)
        #expect(key == EntityKey(.session, id: 3))
        #expect(key.description == "S-0003")
    }

    @Test("participant and moderator keys parse too")
    func parsesOtherKeys() throws {
        #expect(try EntityKey(parsing: "P-000017", as: .participant) == EntityKey(.participant, id: 17))
        #expect(try EntityKey(parsing: "p17", as: .participant).id == 17)
        #expect(try EntityKey(parsing: "m-2", as: .moderator) == EntityKey(.moderator, id: 2))
    }

    @Test("wrong or malformed keys are usage errors", arguments: [
        "P-1", "M-0001", "S-", "S-0", "S", "", "S--3", "S-3a", "S-+3", "S -3", "3", "Session-3", "S-٣",
        "S-99999999999999999999",
    ])
    func refusesSessionKeys(text: String) {
        let error = expectRoundtableError(.usage) { try EntityKey(parsing: text, as: .session) }
        #expect(error?.message.contains("S-0001") == true)
        #expect(error?.message.contains("session key") == true)
    }

    @Test("keys of different entities with the same id differ")
    func entitiesDiffer() {
        #expect(EntityKey(.session, id: 1) != EntityKey(.moderator, id: 1))
    }

    @Test("domain values derive their keys from the row id")
    func domainKeys() {
        let now = Fixture.utc("2026-12-01T09:00:00Z")
        #expect(Moderator(id: 7, name: "Åsa", email: "asa@example.se", timeZone: "Europe/Stockholm", createdAt: now)
            .key.description == "M-0007")
        #expect(Participant(id: 7, displayName: "Øystein", createdAt: now).key.description == "P-000007")
    }

    @Test("panel keys are lower-case slugs", arguments: ["nordic-cab", "ab", "pool-2027", String(repeating: "a", count: 40)])
    func acceptsPanelKeys(key: String) throws {
        #expect(try PanelKey.validate(key) == key)
    }

    @Test("other panel keys are refused", arguments: [
        "a", "Nordic-CAB", "nordic cab", "-cab", "cab-", "äijälä", "nordic_cab", String(repeating: "a", count: 41),
    ])
    func refusesPanelKeys(key: String) {
        expectRoundtableError(.usage) { try PanelKey.validate(key) }
    }
}

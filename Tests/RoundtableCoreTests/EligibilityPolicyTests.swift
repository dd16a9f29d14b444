import Foundation
import Testing
@testable import RoundtableCore

/// Which rules exclude a person from an invitation, and why.
@Suite("EligibilityPolicy.exclusions")
struct EligibilityPolicyTests {
    let target = EntityKey(.session, id: 10)
    let moment = Fixture.utc("2027-06-15T07:00:00Z")
    let policy = EligibilityPolicy()

    /// Facts for someone with contact consent and nothing else against them.
    func consenting() -> EligibilityFacts {
        var facts = EligibilityFacts()
        facts.contactConsentGiven = true
        return facts
    }

    @Test("a consenting person with no history is eligible")
    func eligible() {
        #expect(policy.exclusions(consenting(), target: target, at: moment).isEmpty)
        #expect(policy.coolDown == CalendarPeriod(months: 6))
    }

    @Test("an erased person is only 'forgotten', whatever else is true")
    func erasedOnlyForgotten() {
        var facts = EligibilityFacts()
        facts.erased = true
        facts.doNotContact = true
        facts.contactConsentGiven = false
        facts.overlapping = [EntityKey(.session, id: 2)]
        facts.focusGroups = [(EntityKey(.session, id: 3), moment.addingTimeInterval(-86_400))]
        facts.seatInTarget = .invited
        #expect(policy.exclusions(facts, target: target, at: moment) == [.forgotten])
    }

    @Test("do-not-contact excludes even with consent")
    func doNotContact() {
        var facts = consenting()
        facts.doNotContact = true
        let reasons = policy.exclusions(facts, target: target, at: moment)
        #expect(reasons == [.doNotContact])
        #expect(reasons.map(\.rule) == ["do-not-contact"])
    }

    @Test("no consent and withdrawn consent are told apart")
    func consent() {
        let never = policy.exclusions(EligibilityFacts(), target: target, at: moment)
        #expect(never == [.noContactConsent(withdrawn: false)])
        #expect(never.first?.description == "no contact consent given")
        var facts = EligibilityFacts()
        facts.contactConsentGiven = false
        let withdrawn = policy.exclusions(facts, target: target, at: moment)
        #expect(withdrawn == [.noContactConsent(withdrawn: true)])
        #expect(withdrawn.first?.description == "contact consent withdrawn")
    }

    @Test("a focus group within six months either side is a cool-down", arguments: [
        "2026-12-16T07:00:00Z", "2027-06-01T07:00:00Z", "2027-12-14T07:00:00Z",
    ])
    func coolDownInside(start: String) {
        var facts = consenting()
        let other = EntityKey(.session, id: 3)
        facts.focusGroups = [(other, Fixture.utc(start))]
        let reasons = policy.exclusions(facts, target: target, at: moment)
        #expect(reasons == [.coolDown(session: other, start: Fixture.utc(start), period: CalendarPeriod(months: 6))])
        #expect(reasons.first?.description.contains("S-0003") == true)
        #expect(reasons.first?.description.contains("6mo") == true)
    }

    @Test("a focus group six months or more away is no cool-down", arguments: [
        "2026-12-15T07:00:00Z", "2026-12-14T07:00:00Z", "2027-12-15T07:00:00Z", "2025-01-01T00:00:00Z",
    ])
    func coolDownOutside(start: String) {
        var facts = consenting()
        facts.focusGroups = [(EntityKey(.session, id: 3), Fixture.utc(start))]
        #expect(policy.exclusions(facts, target: target, at: moment).isEmpty)
    }

    @Test("the nearest focus group is named, and the target itself never counts")
    func coolDownNearest() {
        var facts = consenting()
        facts.focusGroups = [
            (target, moment),
            (EntityKey(.session, id: 1), Fixture.utc("2027-02-01T07:00:00Z")),
            (EntityKey(.session, id: 2), Fixture.utc("2027-05-20T07:00:00Z")),
        ]
        let reasons = policy.exclusions(facts, target: target, at: moment)
        #expect(reasons.map(\.rule) == ["cool-down"])
        #expect(reasons.first == .coolDown(session: EntityKey(.session, id: 2), start: Fixture.utc("2027-05-20T07:00:00Z"),
                                           period: policy.coolDown))
    }

    @Test("a cool-down of 0 disables the rule")
    func coolDownDisabled() throws {
        var facts = consenting()
        facts.focusGroups = [(EntityKey(.session, id: 3), moment.addingTimeInterval(-3600))]
        let none = EligibilityPolicy(coolDown: try CalendarPeriod(parsing: "0"))
        #expect(none.exclusions(facts, target: target, at: moment).isEmpty)
        let short = EligibilityPolicy(coolDown: try CalendarPeriod(parsing: "30d"))
        facts.focusGroups = [(EntityKey(.session, id: 3), Fixture.utc("2027-04-01T07:00:00Z"))]
        #expect(short.exclusions(facts, target: target, at: moment).isEmpty)
    }

    @Test("overlapping seats clash, except the target session itself")
    func clash() {
        var facts = consenting()
        facts.overlapping = [EntityKey(.session, id: 4), target, EntityKey(.session, id: 5)]
        let reasons = policy.exclusions(facts, target: target, at: moment)
        #expect(reasons == [.clash(session: EntityKey(.session, id: 4)), .clash(session: EntityKey(.session, id: 5))])
        #expect(reasons.first?.description == "clash: already seated in S-0004 at an overlapping time")
    }

    @Test("a seat in the target counts only when there is a target")
    func alreadySeated() {
        var facts = consenting()
        facts.seatInTarget = .declined
        let reasons = policy.exclusions(facts, target: target, at: moment)
        #expect(reasons == [.alreadySeated(session: target, status: .declined)])
        #expect(reasons.first?.description == "already declined in S-0010")
        #expect(policy.exclusions(facts, target: nil, at: moment).isEmpty)
    }

    @Test("every rule that applies is listed, in a stable order")
    func severalReasons() {
        var facts = EligibilityFacts()
        facts.doNotContact = true
        facts.seatInTarget = .invited
        facts.overlapping = [EntityKey(.session, id: 4)]
        facts.focusGroups = [(EntityKey(.session, id: 3), moment.addingTimeInterval(-86_400))]
        let rules = policy.exclusions(facts, target: target, at: moment).map(\.rule)
        #expect(rules == ["already-seated", "do-not-contact", "no-contact-consent", "cool-down", "clash"])
    }
}

import Foundation

/// Why a participant may not be invited.
public enum ExclusionReason: Hashable, Sendable, CustomStringConvertible {
    /// The person asked to be forgotten.
    case forgotten
    /// The person asked not to be contacted.
    case doNotContact
    /// Contact consent was never given, or was withdrawn.
    case noContactConsent(withdrawn: Bool)
    /// The person was in another focus group too recently.
    case coolDown(session: EntityKey, start: Date, period: CalendarPeriod)
    /// The person is already seated in a session at an overlapping time.
    case clash(session: EntityKey)
    /// The person already has a seat in this session.
    case alreadySeated(session: EntityKey, status: SeatStatus)

    /// A short machine-friendly name for the rule.
    public var rule: String {
        switch self {
        case .forgotten: "forgotten"
        case .doNotContact: "do-not-contact"
        case .noContactConsent: "no-contact-consent"
        case .coolDown: "cool-down"
        case .clash: "clash"
        case .alreadySeated: "already-seated"
        }
    }

    public var description: String {
        switch self {
        case .forgotten: "forgotten on request"
        case .doNotContact: "do-not-contact is set"
        case .noContactConsent(let withdrawn): withdrawn ? "contact consent withdrawn" : "no contact consent given"
        case .coolDown(let session, let start, let period):
            "cool-down: focus group \(session) on \(TimeFormat.day(start, Zone.utc)) is within \(period)"
        case .clash(let session): "clash: already seated in \(session) at an overlapping time"
        case .alreadySeated(let session, let status): "already \(status.rawValue) in \(session)"
        }
    }
}

/// What the store knows about one person when deciding whether they may be invited.
public struct EligibilityFacts: Sendable {
    public var doNotContact = false
    public var erased = false
    /// The latest contact consent: nil if none was ever recorded.
    public var contactConsentGiven: Bool?
    /// Focus groups the person attended or is confirmed for, with their start.
    public var focusGroups: [(session: EntityKey, start: Date)] = []
    /// Sessions the person holds a seat in that overlap the target session.
    public var overlapping: [EntityKey] = []
    /// The person's seat in the target session, if any.
    public var seatInTarget: SeatStatus?

    /// Creates an empty set of facts.
    public init() {}
}

/// The invitation rules: do-not-contact, contact consent, cool-down and time clashes.
public struct EligibilityPolicy: Sendable {
    /// How long after one focus group a person rests before the next.
    public var coolDown: CalendarPeriod

    /// Creates a policy with the given cool-down (six months by default).
    public init(coolDown: CalendarPeriod = CalendarPeriod(months: 6)) {
        self.coolDown = coolDown
    }

    /// Every rule that excludes the person from `target` (a session, or now when nil).
    public func exclusions(_ facts: EligibilityFacts, target: EntityKey?, at moment: Date) -> [ExclusionReason] {
        if facts.erased { return [.forgotten] }
        var reasons: [ExclusionReason] = []
        if let target, let status = facts.seatInTarget {
            reasons.append(.alreadySeated(session: target, status: status))
        }
        if facts.doNotContact { reasons.append(.doNotContact) }
        switch facts.contactConsentGiven {
        case nil: reasons.append(.noContactConsent(withdrawn: false))
        case false?: reasons.append(.noContactConsent(withdrawn: true))
        case true?: break
        }
        if !coolDown.isZero {
            let earliest = coolDown.before(moment, in: Zone.utc)
            let latest = coolDown.after(moment, in: Zone.utc)
            let recent = facts.focusGroups
                .filter { $0.session != target && $0.start > earliest && $0.start < latest }
                .min { abs($0.start.timeIntervalSince(moment)) < abs($1.start.timeIntervalSince(moment)) }
            if let recent {
                reasons.append(.coolDown(session: recent.session, start: recent.start, period: coolDown))
            }
        }
        for session in facts.overlapping where session != target {
            reasons.append(.clash(session: session))
        }
        return reasons
    }
}

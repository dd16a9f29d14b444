import Foundation
import RoundtableCore

/// Whether one person may be invited, and if not, every rule that says no.
public struct EligibilityVerdict: Sendable {
    public var participant: Participant
    public var reasons: [ExclusionReason]

    /// Whether no rule excludes the person.
    public var isEligible: Bool { reasons.isEmpty }
}

import Foundation
import RoundtableCore

/// The changes `participant edit` may make; nil leaves a field as it is.
public struct ParticipantChanges: Sendable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var locale: String?
    public var timeZone: String?
    public var doNotContact: Bool?
    public var setAttributes: [(name: String, value: String)] = []
    public var removeAttributes: [String] = []

    /// No changes.
    public init() {}

    /// Whether anything would change.
    public var isEmpty: Bool {
        name == nil && email == nil && phone == nil && locale == nil && timeZone == nil && doNotContact == nil
            && setAttributes.isEmpty && removeAttributes.isEmpty
    }
}

/// What `participant add` is given.
public struct NewParticipant: Sendable {
    public var name: String
    public var email: String?
    public var phone: String?
    public var locale: String?
    public var timeZone: String?
    public var attributes: [(name: String, value: String)]

    /// Creates the input for a new participant.
    public init(name: String, email: String? = nil, phone: String? = nil, locale: String? = nil,
                timeZone: String? = nil, attributes: [(name: String, value: String)] = []) {
        self.name = name
        self.email = email
        self.phone = phone
        self.locale = locale
        self.timeZone = timeZone
        self.attributes = attributes
    }
}

/// A participant with the panels they are active on, for listings.
public struct ParticipantSummary: Sendable {
    public var participant: Participant
    public var panels: [String]
}

/// A seat seen from the participant's side.
public struct ParticipantSeat: Sendable {
    public var session: Session
    public var status: SeatStatus
}

/// Everything `participant show` tells about a person.
public struct ParticipantDetails: Sendable {
    public var participant: Participant
    public var attributes: [ParticipantAttribute]
    /// The consent in force per scope.
    public var consents: [Consent]
    public var memberships: [(panel: String, membership: Membership)]
    public var seats: [ParticipantSeat]
}

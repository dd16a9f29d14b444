import Foundation

/// Everything stored about one participant, as exports and backups carry it.
public struct ParticipantRecord: Sendable {
    public var participant: Participant
    public var attributes: [NamedValue]
    /// Every consent decision, oldest first.
    public var consents: [ConsentRecord]
    public var externalReferences: [ExternalReference]
    /// Memberships with the key of their panel.
    public var memberships: [(panel: String, membership: Membership)]

    /// Creates a record.
    public init(participant: Participant, attributes: [NamedValue] = [], consents: [ConsentRecord] = [],
                externalReferences: [ExternalReference] = [], memberships: [(panel: String, membership: Membership)] = []) {
        self.participant = participant
        self.attributes = attributes
        self.consents = consents
        self.externalReferences = externalReferences
        self.memberships = memberships
    }

    /// The roster row a partner gets back: their own id for the person, else Roundtable's key.
    public func rosterEntry(for partner: String?) -> RosterEntry {
        let externalId = externalReferences.first { $0.partner == partner }?.externalId ?? "\(participant.key)"
        return RosterEntry(externalId: externalId, name: participant.displayName, email: participant.email,
                           phone: participant.phone, locale: participant.locale, timeZone: participant.timeZone,
                           doNotContact: participant.doNotContact, attributes: attributes, consents: consents)
    }
}

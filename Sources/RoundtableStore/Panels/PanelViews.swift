import Foundation
import RoundtableCore

/// A panel with its head counts, for listings.
public struct PanelSummary: Sendable {
    public var panel: Panel
    public var activeMembers: Int
    public var allMembers: Int
}

/// One person's place on a panel, for `panel show`.
public struct PanelMember: Sendable {
    public var participant: Participant
    public var membership: Membership
}

/// A panel and everyone who is or was on it.
public struct PanelDetails: Sendable {
    public var panel: Panel
    public var members: [PanelMember]
}

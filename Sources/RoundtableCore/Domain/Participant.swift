import Foundation

/// A person who takes part in panels and sessions.
public struct Participant: Codable, Hashable, Sendable {
    public var id: Int64?
    public var displayName: String
    /// The name folded for search: lower case, no diacritics, one Unicode form.
    public var nameSearch: String
    public var email: String?
    public var phone: String?
    public var locale: String?
    public var timeZone: String?
    public var doNotContact: Bool
    /// Set when identity was removed on request; statistics keep the row.
    public var erasedAt: Date?
    public var createdAt: Date

    /// Creates a participant; the name is stored composed, with its search form beside it.
    public init(id: Int64? = nil, displayName: String, email: String? = nil, phone: String? = nil,
                locale: String? = nil, timeZone: String? = nil, doNotContact: Bool = false,
                erasedAt: Date? = nil, createdAt: Date) {
        self.id = id
        self.displayName = UnicodeText.composed(displayName)
        self.nameSearch = UnicodeText.searchKey(displayName)
        self.email = email
        self.phone = phone
        self.locale = locale
        self.timeZone = timeZone
        self.doNotContact = doNotContact
        self.erasedAt = erasedAt
        self.createdAt = createdAt
    }

    /// Recreates a participant exactly as stored, without normalising anything again.
    public init(stored id: Int64, displayName: String, nameSearch: String, email: String?, phone: String?,
                locale: String?, timeZone: String?, doNotContact: Bool, erasedAt: Date?, createdAt: Date) {
        self.id = id
        self.displayName = displayName
        self.nameSearch = nameSearch
        self.email = email
        self.phone = phone
        self.locale = locale
        self.timeZone = timeZone
        self.doNotContact = doNotContact
        self.erasedAt = erasedAt
        self.createdAt = createdAt
    }

    /// `P-000001`.
    public var key: EntityKey { EntityKey(.participant, id: id ?? 0) }

    /// Whether identity was removed.
    public var isErased: Bool { erasedAt != nil }

    /// Renames, keeping the search form in step.
    public mutating func rename(_ name: String) {
        displayName = UnicodeText.composed(name)
        nameSearch = UnicodeText.searchKey(name)
    }

    /// Removes name, contact data and locale, keeping the row for counts and history.
    public mutating func erase(at date: Date) {
        rename("(forgotten)")
        nameSearch = ""
        email = nil
        phone = nil
        locale = nil
        timeZone = nil
        doNotContact = true
        erasedAt = date
    }
}

/// A free attribute of a participant, such as `segment=SMB` or `city=Tampere`.
public struct ParticipantAttribute: Codable, Hashable, Sendable {
    public var participantId: Int64
    public var name: String
    public var value: String

    /// Creates an attribute.
    public init(participantId: Int64, name: String, value: String) {
        self.participantId = participantId
        self.name = name
        self.value = UnicodeText.composed(value)
    }

    /// Reads `name=value` as typed on the command line.
    public static func parse(_ text: String) throws -> (name: String, value: String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw RoundtableError.usage("attribute '\(text)' must look like name=value")
        }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        let value = String(text[text.index(after: equals)...])
        try ContactRules.attribute(name: name, value: value)
        return (name, value)
    }
}
